// v1model.p4 as bundled with p4ebpf.
//
// The architecture of BMv2's simple_switch, the P4_14 switch model expressed in P4_16:
// parser, checksum verification, ingress, egress, checksum update and deparser, around the
// standard_metadata_t that the switch fills in and reads back.
//
// Two versions of the model exist. Programs choose one by defining V1MODEL_VERSION before the
// #include; without it they get 20180101. From 20200408 on, ports have their own type PortId_t
// and counter, meter and register take the type of their index as a type parameter.
//
// Where a construct behaves in a way worth knowing, the comment says so; the full description
// of the switch is BMv2's simple_switch documentation.

#ifndef _V1_MODEL_P4_
#define _V1_MODEL_P4_

#include "core.p4"

#ifndef V1MODEL_VERSION
#define V1MODEL_VERSION 20180101
#endif

match_kind {
    range,      // lo <= field <= hi
    optional,   // the field equals the entry's value, or the entry matches every value
    selector    // the key of an action selector's hash
}

const bit<32> __v1model_version = V1MODEL_VERSION;

#if V1MODEL_VERSION >= 20200408
typedef bit<9>  PortId_t;
#endif

// Filled in by the switch for each packet and read back after ingress and egress. The @alias
// names are the switch's own names of the fields (BMv2 JSON field aliases).
@metadata @name("standard_metadata")
struct standard_metadata_t {
#if V1MODEL_VERSION >= 20200408
    PortId_t    ingress_port;
    PortId_t    egress_spec;     // set by ingress: where the packet goes
    PortId_t    egress_port;     // in egress: where the packet goes
#else
    bit<9>      ingress_port;
    bit<9>      egress_spec;
    bit<9>      egress_port;
#endif
    bit<32>     instance_type;   // normal, clone, resubmitted, recirculated, ...
    bit<32>     packet_length;   // in bytes

    // queueing
    @alias("queueing_metadata.enq_timestamp")
    bit<32> enq_timestamp;
    @alias("queueing_metadata.enq_qdepth")
    bit<19> enq_qdepth;
    @alias("queueing_metadata.deq_timedelta")
    bit<32> deq_timedelta;
    @alias("queueing_metadata.deq_qdepth")
    bit<19> deq_qdepth;          // queue depth when the packet left the queue

    // intrinsic
    @alias("intrinsic_metadata.ingress_global_timestamp")
    bit<48> ingress_global_timestamp;
    @alias("intrinsic_metadata.egress_global_timestamp")
    bit<48> egress_global_timestamp;
    @alias("intrinsic_metadata.mcast_grp")
    bit<16> mcast_grp;           // multicast group; 0 means none
    @alias("intrinsic_metadata.egress_rid")
    bit<16> egress_rid;          // replication id of a multicast copy
    bit<1>  checksum_error;      // 1 when a verify_checksum call found a wrong checksum
    error parser_error;          // the error the parser ended with
    @alias("intrinsic_metadata.priority")
    bit<3> priority;             // queueing priority of the packet
}

enum CounterType {
    packets,
    bytes,
    packets_and_bytes
}

enum MeterType {
    packets,
    bytes
}

// An array of `size` counters that count packets, bytes or both. Only the control plane reads
// them; use a register for state the program reads.
extern counter
#if V1MODEL_VERSION >= 20200408
<I>
#endif
{
    counter(bit<32> size, CounterType type);
    // Counts the current packet at `index`; an index of `size` or more changes nothing.
#if V1MODEL_VERSION >= 20200408
    void count(in I index);
#else
    void count(in bit<32> index);
#endif
}

// A counter per entry of the one table that names it in its `counters` property. A matching
// entry is counted whether or not its action calls count().
extern direct_counter {
    direct_counter(CounterType type);
    void count();
}

// The colours meters write, as numbers.
#define V1MODEL_METER_COLOR_GREEN  0
#define V1MODEL_METER_COLOR_YELLOW 1
#define V1MODEL_METER_COLOR_RED    2

// An array of `size` rate meters (RFC 2697 / RFC 2698) over packets or bytes.
extern meter
#if V1MODEL_VERSION >= 20200408
<I>
#endif
{
    meter(bit<32> size, MeterType type);
    // Updates the meter at `index` with the current packet and writes its colour (one of the
    // V1MODEL_METER_COLOR_* values, so T is bit<W> with W >= 2) to `result`. For an index of
    // `size` or more nothing is updated and `result` is unspecified.
#if V1MODEL_VERSION >= 20200408
    void execute_meter<T>(in I index, out T result);
#else
    void execute_meter<T>(in bit<32> index, out T result);
#endif
}

// A meter per entry of the one table that names it in its `meters` property.
extern direct_meter<T> {
    direct_meter(MeterType type);
    // Only in an action run by that table: the colour of the matched entry's meter.
    void read(out T result);
}

// An array of `size` values of type T that the program reads and writes.
#if V1MODEL_VERSION >= 20200408
extern register<T, I>
#else
extern register<T>
#endif
{
    register(bit<32> size);
    // The value at `index`; for an index of `size` or more `result` is unspecified.
    @noSideEffects
#if V1MODEL_VERSION >= 20200408
    void read(out T result, in I index);
#else
    void read(out T result, in bit<32> index);
#endif
    // Stores `value` at `index`; an index of `size` or more changes nothing. A read followed by
    // a write is atomic towards other packets only inside an @atomic block.
#if V1MODEL_VERSION >= 20200408
    void write(in I index, in T value);
#else
    void write(in bit<32> index, in T value);
#endif
}

// A table implementation whose entries point into a shared set of action data.
extern action_profile {
    action_profile(bit<32> size);
}

// Writes a random number between lo and hi inclusive to `result` (T is bit<W>); unspecified
// when lo > hi.
extern void random<T>(out T result, in T lo, in T hi);

// Sends `data`, as it is at the time of the call, to the control plane in a digest message.
// Ingress only. BMv2 ignores `receiver`.
extern void digest<T>(in bit<32> receiver, in T data);

enum HashAlgorithm {
    crc32,
    crc32_custom,
    crc16,
    crc16_custom,
    random,
    identity,
    csum16,
    xor16
}

@deprecated("Please use mark_to_drop(standard_metadata) instead.")
extern void mark_to_drop();

// Sets egress_spec to the switch's drop port and mcast_grp to 0, so that the packet is dropped
// at the end of ingress (or egress) unless later code changes those fields again.
@pure
extern void mark_to_drop(inout standard_metadata_t standard_metadata);

// Writes base + (hash of `data` modulo max) to `result`, or base when max is 0. `data` is a
// tuple of bit<W>, int<W> or varbit fields; O, T and M are bit<W> types of any widths.
@pure
extern void hash<O, T, D, M>(out O result, in HashAlgorithm algo, in T base, in D data, in M max);

// A table implementation that picks one member of a group of action data by a hash of the
// selector fields of the key.
extern action_selector {
    action_selector(HashAlgorithm algorithm, bit<32> size, bit<32> outputWidth);
}

enum CloneType {
    I2E,   // clone in ingress, the copy starts at egress
    E2E    // clone in egress, the copy starts at egress again
}

@deprecated("Please use verify_checksum/update_checksum instead.")
extern Checksum16 {
    Checksum16();
    bit<16> get<D>(in D data);
}

// VerifyChecksum only: when `condition` holds and the checksum of `data` (a tuple of bit,
// int and varbit fields) under `algo` differs from `checksum`, standard_metadata.checksum_error
// is 1 when ingress starts. `algo` must be a compile-time constant.
extern void verify_checksum<T, O>(in bool condition, in T data, in O checksum, HashAlgorithm algo);

// ComputeChecksum only: when `condition` holds, writes the checksum of `data` to `checksum`.
@pure
extern void update_checksum<T, O>(in bool condition, in T data, inout O checksum, HashAlgorithm algo);

// As verify_checksum, with the unparsed rest of the packet appended to `data`.
extern void verify_checksum_with_payload<T, O>(in bool condition, in T data, in O checksum, HashAlgorithm algo);

// As update_checksum, with the unparsed rest of the packet appended to `data`.
@noSideEffects
extern void update_checksum_with_payload<T, O>(in bool condition, in T data, inout O checksum, HashAlgorithm algo);

// Clones the packet to clone session `session`, preserving no user metadata.
extern void clone(in CloneType type, in bit<32> session);

@deprecated("Please use 'resubmit_preserving_field_list' instead")
extern void resubmit<T>(in T data);

// Ingress only: after ingress the packet goes back to the parser as it originally arrived,
// keeping the user metadata fields annotated @field_list(index). The last call wins.
extern void resubmit_preserving_field_list(bit<8> index);

@deprecated("Please use 'recirculate_preserving_field_list' instead")
extern void recirculate<T>(in T data);

// Egress only: after the deparser the packet goes back to the parser, keeping the user
// metadata fields annotated @field_list(index). The last call wins.
extern void recirculate_preserving_field_list(bit<8> index);

@deprecated("Please use 'clone_preserving_field_list' instead")
extern void clone3<T>(in CloneType type, in bit<32> session, in T data);

// Clones the packet to clone session `session` (I2E in ingress, E2E in egress), keeping the
// user metadata fields annotated @field_list(index) in the copy. The last call wins.
extern void clone_preserving_field_list(in CloneType type, in bit<32> session, bit<8> index);

// Cuts the outgoing packet to at most `length` bytes.
extern void truncate(in bit<32> length);

// When `check` is false the target records the failure (simple_switch logs it and exits).
// p4c's --ndebug removes these calls.
extern void assert(in bool check);

// Behaves as assert on a target; verification tools read it as an assumption instead.
extern void assume(in bool check);

// Writes a message to the target's log; "{}" in `msg` stands for the next element of `data`.
extern void log_msg(string msg);
extern void log_msg<T>(string msg, in T data);

// The architecture. H is a struct of headers, header stacks and header unions; M is a struct.
// The name standard_metadata is reserved.

parser Parser<H, M>(packet_in b,
                    out H parsedHdr,
                    inout M meta,
                    inout standard_metadata_t standard_metadata);

// Its body may only hold blocks, verify_checksum* calls and return.
control VerifyChecksum<H, M>(inout H hdr,
                             inout M meta);

@pipeline
control Ingress<H, M>(inout H hdr,
                      inout M meta,
                      inout standard_metadata_t standard_metadata);

@pipeline
control Egress<H, M>(inout H hdr,
                     inout M meta,
                     inout standard_metadata_t standard_metadata);

// Its body may only hold blocks, update_checksum* calls and return.
control ComputeChecksum<H, M>(inout H hdr,
                              inout M meta);

// Its body may only hold packet_out.emit calls.
@deparser
control Deparser<H>(packet_out b, in H hdr);

package V1Switch<H, M>(Parser<H, M> p,
                       VerifyChecksum<H, M> vr,
                       Ingress<H, M> ig,
                       Egress<H, M> eg,
                       ComputeChecksum<H, M> ck,
                       Deparser<H> dep);

#endif  // _V1_MODEL_P4_
