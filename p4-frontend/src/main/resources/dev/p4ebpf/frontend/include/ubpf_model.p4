// ubpf_model.p4 as bundled with p4ebpf.
//
// The architecture of p4c's uBPF back end, which generates programs for the userspace BPF VM
// (as used by Open vSwitch's P4 datapath): a parser, one pipeline control and a deparser.
// Unlike the eBPF filter model the packet is deparsed, so headers can be added, removed and
// rewritten, and the pipeline decides through standard_metadata what happens to the packet.
//
// Two versions exist. Programs may define UBPF_MODEL_VERSION before the #include; without it
// they get 20200515, the version with standard_metadata. Older programs (any smaller value)
// get the parser and pipeline without it.

#ifndef _UBPF_MODEL_P4_
#define _UBPF_MODEL_P4_

#include <core.p4>

#ifndef UBPF_MODEL_VERSION
#define UBPF_MODEL_VERSION 20200515
#endif

const bit<32> __ubpf_model_version = UBPF_MODEL_VERSION;

#if UBPF_MODEL_VERSION >= 20200515
// What happens to the packet after the deparser.
enum ubpf_action {
    ABORT,      // the program stops with an error; the packet is dropped
    DROP,       // the packet is dropped
    PASS,       // the packet continues on its way
    REDIRECT    // the packet leaves through output_port
}

// Set by the target before the parser and read back after the deparser.
struct standard_metadata {
    bit<32>     input_port;      // the port the packet came in on
    bit<32>     packet_length;   // in bytes
    ubpf_action output_action;   // what to do with the packet (see ubpf_action)
    bit<32>     output_port;     // where REDIRECT sends it
    bool        clone;           // whether a copy is also sent to clone_port
    bit<32>     clone_port;
}
#endif

// ---- the packet's fate (older programs) -----------------------------------------------------

// Packets pass unless the pipeline says otherwise. This marks the current packet to be dropped;
// it changes only state the program cannot see. Call it from the pipeline control only.
extern void mark_to_drop();

// Undoes an earlier mark_to_drop(): the packet passes again. Also pipeline-only.
extern void mark_to_pass();

// ---- state kept between packets ---------------------------------------------------------------

// An array of `size` values of type T, indexed by S, that persists across packets. Entries are
// not initialised. Usable from actions and apply blocks alike.
extern Register<T, S> {
    Register(bit<32> size);

    // The value at `index` (T must be a bit<W>). When index >= size the result is unspecified
    // and should be ignored.
    T read(in S index);

    // Stores `value` at `index`.
    void write(in S index, in T value);
}

// ---- helpers --------------------------------------------------------------------------------

// The current time in nanoseconds.
extern bit<48> ubpf_time_get_ns();

// Cuts the packet down to its first `len` bytes after deparsing; a shorter packet is left as it
// is. Open vSwitch needs at least an Ethernet header, so values below 14 are raised to 14.
extern void truncate(in bit<32> len);

enum HashAlgorithm {
    lookup3     // Bob Jenkins' lookup3 hash
}

// Stores in `result` the hash of `data` computed with `algo`. `data` is a tuple of bit<W>,
// int<W> or varbit fields, at most 64 bits in total (a limit of the uBPF back end); the result
// is always 32 bits wide whatever the widths of the inputs.
extern void hash<D>(out bit<32> result, in HashAlgorithm algo, in D data);

// Incremental checksum update (RFC 1624): `csum` with the 16-bit field `old` replaced by `new`.
extern bit<16> csum_replace2(in bit<16> csum,
                             in bit<16> old,
                             in bit<16> new);

// The same for a 32-bit field.
extern bit<16> csum_replace4(in bit<16> csum,
                             in bit<32> old,
                             in bit<32> new);

// ---- the programmable blocks and the package --------------------------------------------------

// H is a struct of headers, header stacks and header unions; M is a struct of user metadata.
#if UBPF_MODEL_VERSION >= 20200515
parser parse<H, M>(packet_in packet, out H headers, inout M meta,
                   inout standard_metadata std);
control pipeline<H, M>(inout H headers, inout M meta, inout standard_metadata std);
#else
parser parse<H, M>(packet_in packet, out H headers, inout M meta);
control pipeline<H, M>(inout H headers, inout M meta);
#endif

// The deparser may only call packet_out.emit().
@deparser
control deparser<H>(packet_out b, in H headers);

package ubpf<H, M>(parse<H, M> prs,
                   pipeline<H, M> p,
                   deparser<H> dprs);

#endif  // _UBPF_MODEL_P4_
