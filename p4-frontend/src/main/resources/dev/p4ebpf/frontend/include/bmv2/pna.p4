// bmv2/pna.p4 as bundled with p4ebpf.
//
// The Portable NIC Architecture (P4.org PNA specification, still a draft) as p4c declares it for
// BMv2's pna_nic: a main parser, main control and main deparser that see every packet, whether it
// comes from the network or from the host. This is the later form of the draft, which differs
// from pna.p4:
//   - no pre-control, and so no pass numbers, directions or decryption metadata: a packet says
//     only whether it was recirculated, and is_host_port()/is_net_port() tell where it came from;
//   - table entries may also be deleted automatically when they expire (AUTO_DELETE);
//   - add_entry() returns an error status, and there are conditional forms of the
//     add-on-miss and ageing calls (add_entry_if, update_expire_info, set_entry_expire_time_if);
//   - counters and meters have no optional length parameter;
//   - the main deparser may change the headers it emits (inout).

#ifndef __PNA_P4__
#define __PNA_P4__

#include <core.p4>

// ---- target-dependent widths ---------------------------------------------------------------
// The PNA draft leaves these to the target; the values below are placeholders no particular NIC
// need have. p4c's file marks them so with this macro (programs may test it).

#define PNA_PLACEHOLDER_CORE_TYPES

// Plain bit<W> names: values of these types mix freely in arithmetic. The `type` names that
// follow wrap the same widths so that the generated control-plane API can tell them apart.
typedef bit<32> PortIdUint_t;
typedef bit<32> InterfaceIdUint_t;
typedef bit<32> MulticastGroupUint_t;
typedef bit<16> MirrorSessionIdUint_t;
typedef bit<8>  MirrorSlotIdUint_t;
typedef bit<8>  ClassOfServiceUint_t;
typedef bit<16> PacketLengthUint_t;
typedef bit<16> MulticastInstanceUint_t;
typedef bit<64> TimestampUint_t;
typedef bit<32> FlowIdUint_t;
typedef bit<8>  ExpireTimeProfileIdUint_t;
typedef bit<32> SecurityAssocIdUint_t;

// New types over them; the annotation gives P4Runtime the width the controller sees.
@p4runtime_translation("p4.org/pna/v1/PortId_t", 32)
type PortIdUint_t PortId_t;
@p4runtime_translation("p4.org/pna/v1/InterfaceId_t", 32)
type InterfaceIdUint_t InterfaceId_t;
@p4runtime_translation("p4.org/pna/v1/MulticastGroup_t", 32)
type MulticastGroupUint_t MulticastGroup_t;
@p4runtime_translation("p4.org/pna/v1/MirrorSessionId_t", 16)
type MirrorSessionIdUint_t MirrorSessionId_t;
@p4runtime_translation("p4.org/pna/v1/MirrorSlotId_t", 8)
type MirrorSlotIdUint_t MirrorSlotId_t;
@p4runtime_translation("p4.org/pna/v1/ClassOfService_t", 8)
type ClassOfServiceUint_t ClassOfService_t;
@p4runtime_translation("p4.org/pna/v1/PacketLength_t", 16)
type PacketLengthUint_t PacketLength_t;
@p4runtime_translation("p4.org/pna/v1/MulticastInstance_t", 16)
type MulticastInstanceUint_t MulticastInstance_t;
@p4runtime_translation("p4.org/pna/v1/Timestamp_t", 64)
type TimestampUint_t Timestamp_t;
@p4runtime_translation("p4.org/pna/v1/FlowId_t", 32)
type FlowIdUint_t FlowId_t;
@p4runtime_translation("p4.org/pna/v1/ExpireTimeProfileId_t", 8)
type ExpireTimeProfileIdUint_t ExpireTimeProfileId_t;
@p4runtime_translation("p4.org/pna/v1/SecurityAssocId_t", 64)
type SecurityAssocIdUint_t SecurityAssocId_t;

typedef error ParserError_t;

const InterfaceId_t PNA_PORT_CPU = (InterfaceId_t) 0xfffffffd;

const MirrorSessionId_t PNA_MIRROR_SESSION_TO_CPU = (MirrorSessionId_t) 0;

// ---- the same values as carried in packet headers ------------------------------------------
// For headers exchanged with the P4Runtime server (or other devices). The widths are meant to
// be at least those of any PNA device, and all multiples of 8 so that any of them fit together
// in one header. The data plane does not translate them by itself; the program converts.

typedef bit<32> PortIdInHeaderUint_t;
typedef bit<32> InterfaceIdInHeaderUint_t;
typedef bit<32> MulticastGroupInHeaderUint_t;
typedef bit<16> MirrorSessionIdInHeaderUint_t;
typedef bit<8>  MirrorSlotIdInHeaderUint_t;
typedef bit<8>  ClassOfServiceInHeaderUint_t;
typedef bit<16> PacketLengthInHeaderUint_t;
typedef bit<16> MulticastInstanceInHeaderUint_t;
typedef bit<64> TimestampInHeaderUint_t;
typedef bit<32> FlowIdInHeaderUint_t;
typedef bit<8>  ExpireTimeProfileIdInHeaderUint_t;
typedef bit<32> SecurityAssocIdInHeaderUint_t;

@p4runtime_translation("p4.org/pna/v1/PortIdInHeader_t", 32)
type PortIdInHeaderUint_t PortIdInHeader_t;
@p4runtime_translation("p4.org/pna/v1/InterfaceIdInHeader_t", 32)
type InterfaceIdInHeaderUint_t InterfaceIdInHeader_t;
@p4runtime_translation("p4.org/pna/v1/MulticastGroupInHeader_t", 32)
type MulticastGroupInHeaderUint_t MulticastGroupInHeader_t;
@p4runtime_translation("p4.org/pna/v1/MirrorSessionIdInHeader_t", 16)
type MirrorSessionIdInHeaderUint_t MirrorSessionIdInHeader_t;
@p4runtime_translation("p4.org/pna/v1/MirrorSlotIdInHeader_t", 8)
type MirrorSlotIdInHeaderUint_t MirrorSlotIdInHeader_t;
@p4runtime_translation("p4.org/pna/v1/ClassOfServiceInHeader_t", 8)
type ClassOfServiceInHeaderUint_t ClassOfServiceInHeader_t;
@p4runtime_translation("p4.org/pna/v1/PacketLengthInHeader_t", 16)
type PacketLengthInHeaderUint_t PacketLengthInHeader_t;
@p4runtime_translation("p4.org/pna/v1/MulticastInstanceInHeader_t", 16)
type MulticastInstanceInHeaderUint_t MulticastInstanceInHeader_t;
@p4runtime_translation("p4.org/pna/v1/TimestampInHeader_t", 64)
type TimestampInHeaderUint_t TimestampInHeader_t;
@p4runtime_translation("p4.org/pna/v1/FlowIdInHeader_t", 32)
type FlowIdInHeaderUint_t FlowIdInHeader_t;
@p4runtime_translation("p4.org/pna/v1/ExpireTimeProfileIdInHeader_t", 8)
type ExpireTimeProfileIdInHeaderUint_t ExpireTimeProfileIdInHeader_t;
@p4runtime_translation("p4.org/pna/v1/SecurityAssocIdInHeader_t", 64)
type SecurityAssocIdInHeaderUint_t SecurityAssocIdInHeader_t;

// Conversions between the header form and the pipeline form. Each takes three casts: out of
// the source `type` into its bit<W>, to the other width (zero-extending or truncating), and
// into the destination `type`.

PortId_t pna_PortId_header_to_int(in PortIdInHeader_t x) {
    return (PortId_t) (PortIdUint_t) (PortIdInHeaderUint_t) x;
}
InterfaceId_t pna_InterfaceId_header_to_int(in InterfaceIdInHeader_t x) {
    return (InterfaceId_t) (InterfaceIdUint_t) (InterfaceIdInHeaderUint_t) x;
}
MulticastGroup_t pna_MulticastGroup_header_to_int(in MulticastGroupInHeader_t x) {
    return (MulticastGroup_t) (MulticastGroupUint_t) (MulticastGroupInHeaderUint_t) x;
}
MirrorSessionId_t pna_MirrorSessionId_header_to_int(in MirrorSessionIdInHeader_t x) {
    return (MirrorSessionId_t) (MirrorSessionIdUint_t) (MirrorSessionIdInHeaderUint_t) x;
}
ClassOfService_t pna_ClassOfService_header_to_int(in ClassOfServiceInHeader_t x) {
    return (ClassOfService_t) (ClassOfServiceUint_t) (ClassOfServiceInHeaderUint_t) x;
}
PacketLength_t pna_PacketLength_header_to_int(in PacketLengthInHeader_t x) {
    return (PacketLength_t) (PacketLengthUint_t) (PacketLengthInHeaderUint_t) x;
}
MulticastInstance_t pna_MulticastInstance_header_to_int(in MulticastInstanceInHeader_t x) {
    return (MulticastInstance_t) (MulticastInstanceUint_t) (MulticastInstanceInHeaderUint_t) x;
}
Timestamp_t pna_Timestamp_header_to_int(in TimestampInHeader_t x) {
    return (Timestamp_t) (TimestampUint_t) (TimestampInHeaderUint_t) x;
}
FlowId_t pna_FlowId_header_to_int(in FlowIdInHeader_t x) {
    return (FlowId_t) (FlowIdUint_t) (FlowIdInHeaderUint_t) x;
}
ExpireTimeProfileId_t pna_ExpireTimeProfileId_header_to_int(in ExpireTimeProfileIdInHeader_t x) {
    return (ExpireTimeProfileId_t) (ExpireTimeProfileIdUint_t) (ExpireTimeProfileIdInHeaderUint_t) x;
}

PortIdInHeader_t pna_PortId_int_to_header(in PortId_t x) {
    return (PortIdInHeader_t) (PortIdInHeaderUint_t) (PortIdUint_t) x;
}
InterfaceIdInHeader_t pna_InterfaceId_int_to_header(in InterfaceId_t x) {
    return (InterfaceIdInHeader_t) (InterfaceIdInHeaderUint_t) (InterfaceIdUint_t) x;
}
MulticastGroupInHeader_t pna_MulticastGroup_int_to_header(in MulticastGroup_t x) {
    return (MulticastGroupInHeader_t) (MulticastGroupInHeaderUint_t) (MulticastGroupUint_t) x;
}
MirrorSessionIdInHeader_t pna_MirrorSessionId_int_to_header(in MirrorSessionId_t x) {
    return (MirrorSessionIdInHeader_t) (MirrorSessionIdInHeaderUint_t) (MirrorSessionIdUint_t) x;
}
ClassOfServiceInHeader_t pna_ClassOfService_int_to_header(in ClassOfService_t x) {
    return (ClassOfServiceInHeader_t) (ClassOfServiceInHeaderUint_t) (ClassOfServiceUint_t) x;
}
PacketLengthInHeader_t pna_PacketLength_int_to_header(in PacketLength_t x) {
    return (PacketLengthInHeader_t) (PacketLengthInHeaderUint_t) (PacketLengthUint_t) x;
}
MulticastInstanceInHeader_t pna_MulticastInstance_int_to_header(in MulticastInstance_t x) {
    return (MulticastInstanceInHeader_t) (MulticastInstanceInHeaderUint_t) (MulticastInstanceUint_t) x;
}
TimestampInHeader_t pna_Timestamp_int_to_header(in Timestamp_t x) {
    return (TimestampInHeader_t) (TimestampInHeaderUint_t) (TimestampUint_t) x;
}
FlowIdInHeader_t pna_FlowId_int_to_header(in FlowId_t x) {
    return (FlowIdInHeader_t) (FlowIdInHeaderUint_t) (FlowIdUint_t) x;
}
ExpireTimeProfileIdInHeader_t pna_ExpireTimeProfileId_int_to_header(in ExpireTimeProfileId_t x) {
    return (ExpireTimeProfileIdInHeader_t) (ExpireTimeProfileIdInHeaderUint_t) (ExpireTimeProfileIdUint_t) x;
}

// The values of a table's pna_idle_timeout property: entries never age, age and tell the
// control plane, or age and are removed by the data plane itself.
enum PNA_IdleTimeout_t {
    NO_TIMEOUT,
    NOTIFY_CONTROL,
    AUTO_DELETE
};

match_kind {
    range,      // lo <= field <= hi
    selector,   // hashed to choose a member of an ActionSelector group
    optional    // the field equals the entry's value, or the entry matches every value
}

// ---- hashes and checksums ------------------------------------------------------------------

enum PNA_HashAlgorithm_t {
    IDENTITY,
    CRC32,
    CRC32_CUSTOM,
    CRC16,
    CRC16_CUSTOM,
    ONES_COMPLEMENT16,   // the 16-bit one's complement sum of IPv4, TCP and UDP
    TARGET_DEFAULT       // whatever the target chooses
}

extern Hash<O> {
    Hash(PNA_HashAlgorithm_t algo);
    // The hash of `data`.
    O get_hash<D>(in D data);
    // base + (hash of `data` modulo max). Targets may limit `max`, e.g. to powers of two.
    O get_hash<T, D>(in T base, in D data, in T max);
}

// A checksum accumulated over update() calls; starts cleared each time its block runs.
extern Checksum<W> {
    Checksum(PNA_HashAlgorithm_t hash);
    void clear();
    void update<T>(in T data);
    W get();
}

// The Internet checksum (ONES_COMPLEMENT16), with subtraction for incremental updates
// (RFC 1624). The data added or subtracted must be whole 16-bit words.
extern InternetChecksum {
    InternetChecksum();
    void clear();
    void add<T>(in T data);
    void subtract<T>(in T data);
    bit<16> get();
    // The state, only for passing to set_state() of this or another instance later.
    bit<16> get_state();
    void set_state(in bit<16> checksum_state);
}

// ---- counters, meters, registers -----------------------------------------------------------

enum PNA_CounterType_t {
    PACKETS,
    BYTES,
    PACKETS_AND_BYTES
}

// `n_counters` counters of W bits, indexed by S.
@noWarn("unused")
extern Counter<W, S> {
    Counter(bit<32> n_counters, PNA_CounterType_t type);
    void count(in S index);
}

// A counter per entry of the table that names it.
@noWarn("unused")
extern DirectCounter<W> {
    DirectCounter(PNA_CounterType_t type);
    void count();
}

enum PNA_MeterType_t {
    PACKETS,
    BYTES
}

enum PNA_MeterColor_t { RED, GREEN, YELLOW }

// `n_meters` meters indexed by S. The forms with a colour are colour-aware (RFC 2698): the
// packet arrives pre-coloured. The others are colour-blind, as if called with GREEN.
extern Meter<S> {
    Meter(bit<32> n_meters, PNA_MeterType_t type);
    PNA_MeterColor_t execute(in S index, in PNA_MeterColor_t color);
    PNA_MeterColor_t execute(in S index);
}

// A meter per entry of the table that names it, with the same two forms.
extern DirectMeter {
    DirectMeter(PNA_MeterType_t type);
    PNA_MeterColor_t execute(in PNA_MeterColor_t color);
    PNA_MeterColor_t execute();
}

// `size` values of type T indexed by S; undefined at first unless `initial_value` is given.
extern Register<T, S> {
    Register(bit<32> size);
    Register(bit<32> size, T initial_value);
    T read(in S index);
    void write(in S index, in T value);
}

// Random numbers between min and max inclusive. Targets may require max - min + 1 to be a
// power of two.
extern Random<T> {
    Random(T min, T max);
    T read();
}

// ---- table implementations -----------------------------------------------------------------

// Action profile of `size` entries.
extern ActionProfile {
    ActionProfile(bit<32> size);
}

// Action selector of `size` entries, choosing a group member by an `outputWidth`-bit hash.
extern ActionSelector {
    ActionSelector(PNA_HashAlgorithm_t algo, bit<32> size, bit<32> outputWidth);
}

// ---- messages to the control plane ---------------------------------------------------------

// A stream of T values to the control plane; pack() adds the current value of `data`.
extern Digest<T> {
    Digest();
    void pack(in T data);
}

// ---- metadata ------------------------------------------------------------------------------

// Where a packet came from.
enum PNA_Source_t {
    FROM_HOST,
    FROM_NET
}

struct pna_main_parser_input_metadata_t {
    bool                     recirculated;
    // The network port the packet arrived on, or the host vport it came from.
    PortId_t                 input_port;
}

// Whether `p` is a host port.
extern bool is_host_port(in PortId_t p);

// Whether `p` is a network port.
extern bool is_net_port(in PortId_t p);

struct pna_main_input_metadata_t {
    bool                     recirculated;
    Timestamp_t              timestamp;
    ParserError_t            parser_error;
    ClassOfService_t         class_of_service;
    PortId_t                 input_port;       // as in pna_main_parser_input_metadata_t
}

// What the architecture does with the packet after a pass through parser, control and deparser.
struct pna_main_output_metadata_t {
    ClassOfService_t         class_of_service;  // 0 unless the control sets it
}

// ---- what the main control can do with a packet --------------------------------------------

// drop_packet() and send_to_port() decide where the packet goes; the last call wins.

// The packet is dropped at the end of the main control. Only the main control may call it.
extern void drop_packet();

// The packet leaves through `dest_port` at the end of the main control.
extern void send_to_port(in PortId_t dest_port);

// A copy of the packet goes to mirror session `mirror_session_id` through slot `mirror_slot_id`.
extern void mirror_packet(in MirrorSlotId_t mirror_slot_id,
                          in MirrorSessionId_t mirror_session_id);

// The result of add_entry(). At least one bit wide; targets may add failure codes of their own.
typedef bit<1> AddEntryErrorStatus_t;

const AddEntryErrorStatus_t ADD_ENTRY_SUCCESS = 0;
const AddEntryErrorStatus_t ADD_ENTRY_NOT_DONE = 1;

// Adds an entry to the table being applied, from the data plane (add-on-miss). Callable only
// from a table's default (miss) action. The key is the one that just missed; `action_name`
// is one of the table's actions that may be an entry's action (not @defaultonly, and not one
// that calls add_entry itself); `action_params` is a struct whose fields match that action's
// parameters in name, order and type; the entry starts with ageing profile
// `expire_time_profile_id`. Returns ADD_ENTRY_SUCCESS or a failure code.
extern AddEntryErrorStatus_t add_entry<T>(
    string action_name,
    in T action_params,
    in ExpireTimeProfileId_t expire_time_profile_id);

// add_entry(action_name, action_params, expire_time_profile_id) when `do_add_entry` holds,
// otherwise ADD_ENTRY_NOT_DONE; for targets that cannot branch inside actions.
extern AddEntryErrorStatus_t add_entry_if<T>(
    in bool do_add_entry,
    string action_name,
    in T action_params,
    in ExpireTimeProfileId_t expire_time_profile_id);

// A new flow id from the target's pool.
extern FlowId_t allocate_flow_id();

// Gives the entry the current table hit ageing profile `expire_time_profile_id`, and restarts
// its timer. Only from actions of tables whose pna_idle_timeout is NOTIFY_CONTROL or AUTO_DELETE.
extern void set_entry_expire_time(
    in ExpireTimeProfileId_t expire_time_profile_id);

// Restarts the ageing timer of the entry the current table hit; same restriction as above.
// Hitting an entry does not do this by itself: an entry the program does not refresh keeps
// its old expiry time.
extern void restart_expire_timer();

// Nothing unless `update_aging_info`; then set_entry_expire_time(expire_time_profile_id) if
// `update_expire_time`, restart_expire_timer() otherwise.
extern void update_expire_info(
    in bool update_aging_info,
    in bool update_expire_time,
    in ExpireTimeProfileId_t expire_time_profile_id);

// set_entry_expire_time(expire_time_profile_id) if `condition` holds, nothing otherwise.
extern void set_entry_expire_time_if(
    in bool condition,
    in ExpireTimeProfileId_t expire_time_profile_id);

// from_net_value when `is_network_port`, from_host_value otherwise. An extern rather than a
// function so that back ends see it and can optimise it, e.g. in table keys that swap source
// and destination addresses by direction:
//     SelectByDirection(is_net_port(istd.input_port), hdr.ipv4.src_addr, hdr.ipv4.dst_addr)
@pure
extern T SelectByDirection<T>(
    in bool is_network_port,
    in T from_net_value,
    in T from_host_value);

// ---- the programmable blocks and the package -----------------------------------------------

parser MainParserT<MH, MM>(
    packet_in pkt,
    out   MH main_hdr,
    inout MM main_user_meta,
    in    pna_main_parser_input_metadata_t istd);

control MainControlT<MH, MM>(
    inout MH main_hdr,
    inout MM main_user_meta,
    in    pna_main_input_metadata_t  istd,
    inout pna_main_output_metadata_t ostd);

control MainDeparserT<MH, MM>(
    packet_out pkt,
    inout MH main_hdr,
    in    MM main_user_meta,
    in    pna_main_output_metadata_t ostd);

package PNA_NIC<MH, MM>(
    MainParserT<MH, MM> main_parser,
    MainControlT<MH, MM> main_control,
    MainDeparserT<MH, MM> main_deparser);

#endif  // __PNA_P4__
