// xdp_model.p4 as bundled with p4ebpf.
//
// p4c's XDP architecture. It offers two packages: the ebpfFilter packet filter of ebpf_model.p4
// (included below), and `xdp`, a small switch made of a parser, a control that picks the XDP
// verdict and output port, and a deparser that writes the packet back.

#ifndef _XDP_MODEL_P4
#define _XDP_MODEL_P4

#include <core.p4>
#include <ebpf_model.p4>

// The verdicts an XDP program returns, in the kernel's numbering order.
enum xdp_action {
    XDP_ABORTED,   // the program failed; the packet is dropped with a trace event
    XDP_DROP,      // drop the packet
    XDP_PASS,      // hand the packet on to the kernel's network stack
    XDP_TX,        // send the packet back out of the interface it arrived on
    XDP_REDIRECT   // send the packet out of another interface (output_port)
}

// What the switch control is told about the packet.
struct xdp_input {
    bit<32> input_port;
}

// What the switch control decides.
struct xdp_output {
    xdp_action output_action;
    bit<32> output_port;      // interface for XDP_REDIRECT
}

// The IPv4 header checksum of a header with these field values.
extern bit<16> ebpf_ipv4_checksum(in bit<4> version, in bit<4> ihl, in bit<8> diffserv,
                                  in bit<16> totalLen, in bit<16> identification, in bit<3> flags,
                                  in bit<13> fragOffset, in bit<8> ttl, in bit<8> protocol,
                                  in bit<32> srcAddr, in bit<32> dstAddr);

// Incremental checksum update (RFC 1624): `csum` with the 16-bit word `old` replaced by `new`.
extern bit<16> csum_replace2(in bit<16> csum,
                             in bit<16> old,
                             in bit<16> new);

// The same for a 32-bit word.
extern bit<16> csum_replace4(in bit<16> csum,
                             in bit<32> old,
                             in bit<32> new);

// Thin wrappers of the eBPF helpers of the same purpose.
extern bit<32> BPF_PERF_EVENT_OUTPUT();
extern bit<32> BPF_KTIME_GET_NS();   // only the low 32 bits of the nanosecond clock

// The switch architecture over one headers type H.
parser xdp_parse<H>(packet_in packet, out H headers);
control xdp_switch<H>(inout H headers, in xdp_input imd, out xdp_output omd);
control xdp_deparse<H>(in H headers, packet_out packet);

package xdp<H>(xdp_parse<H> p, xdp_switch<H> s, xdp_deparse<H> d);

#endif  // _XDP_MODEL_P4
