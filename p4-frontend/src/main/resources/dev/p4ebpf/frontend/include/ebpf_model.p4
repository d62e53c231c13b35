// ebpf_model.p4 as bundled with p4ebpf.
//
// The eBPF packet-filter architecture of p4c's eBPF back end: a parser fills the headers and a
// control decides whether the packet is accepted. Nothing is deparsed: an accepted packet
// leaves exactly as it came in. Tables are implemented as eBPF maps; the counter arrays below
// are maps the control plane can read and reset.

#ifndef _EBPF_MODEL_P4_
#define _EBPF_MODEL_P4_

#include <core.p4>

// An array of unsigned 32-bit counters, indexed by a 32-bit number, kept in an eBPF array map
// (dense) or hash map (sparse). The data plane only adds to them.
extern CounterArray {
    // `max_index` is the largest index used; `sparse` selects a hash map instead of an array.
    CounterArray(bit<32> max_index, bool sparse);
    // Adds one to the counter at `index`.
    void increment(in bit<32> index);
    // Adds `value` to the counter at `index`.
    void add(in bit<32> index, in bit<32> value);
}

// Table implementations: every table names one of these in its `implementation` property.

// The table lives in an eBPF array map of at most `size` entries. A table with an lpm key
// becomes an LPM trie instead, and then only `size` is taken from here.
extern array_table {
    array_table(bit<32> size);
}

// The table lives in an eBPF hash map of at most `size` entries.
extern hash_table {
    hash_table(bit<32> size);
}

// The architecture: a parser and a filter control over one headers type H. The filter's
// `accept` output says whether the packet passes (true) or is dropped (false).
parser parse<H>(packet_in packet, out H headers);
control filter<H>(inout H headers, out bool accept);

package ebpfFilter<H>(parse<H> prs,
                      filter<H> filt);

#endif  // _EBPF_MODEL_P4_
