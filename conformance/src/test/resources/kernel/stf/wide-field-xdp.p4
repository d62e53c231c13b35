/* Copies one 128-bit header field to another (an IPv6 address): the backend fails with an internal error. */
#include <core.p4>
#include <xdp_model.p4>

header eth_t {
    bit<48> dst;
    bit<48> src;
    bit<16> type;
}

header ipv6_t {
    bit<4>   version;
    bit<8>   tc;
    bit<20>  flow;
    bit<16>  len;
    bit<8>   next;
    bit<8>   hops;
    bit<128> src;
    bit<128> dst;
}

struct headers_t {
    eth_t  eth;
    ipv6_t ipv6;
}

parser prs(packet_in p, out headers_t h) {
    state start {
        p.extract(h.eth);
        transition select(h.eth.type) {
            0x86dd: ipv6;
            default: accept;
        }
    }
    state ipv6 {
        p.extract(h.ipv6);
        transition accept;
    }
}

control pipe(inout headers_t h, in xdp_input i, out xdp_output o) {
    apply {
        o.output_port = 0;
        o.output_action = xdp_action.XDP_TX;
        if (h.ipv6.isValid()) {
            h.ipv6.src = h.ipv6.dst;
        }
    }
}

control dprs(in headers_t h, packet_out p) {
    apply {
        p.emit(h.eth);
        p.emit(h.ipv6);
    }
}

xdp(prs(), pipe(), dprs()) main;
