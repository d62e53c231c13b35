/*
 * The kernel target's XDP verdicts: TTL 0 is dropped, TTL 1 aborts, IPv4 is sent back (XDP_TX)
 * with its MAC addresses swapped and its TTL decremented, anything else passes unchanged.
 */
#include <core.p4>
#include <xdp_model.p4>

header eth_t {
    bit<48> dst;
    bit<48> src;
    bit<16> type;
}

header ipv4_t {
    bit<4>  version;
    bit<4>  ihl;
    bit<8>  tos;
    bit<16> len;
    bit<16> id;
    bit<3>  flags;
    bit<13> frag;
    bit<8>  ttl;
    bit<8>  proto;
    bit<16> csum;
    bit<32> src;
    bit<32> dst;
}

struct headers_t {
    eth_t  eth;
    ipv4_t ipv4;
}

parser prs(packet_in p, out headers_t h) {
    state start {
        p.extract(h.eth);
        transition select(h.eth.type) {
            0x0800: ipv4;
            default: accept;
        }
    }
    state ipv4 {
        p.extract(h.ipv4);
        transition accept;
    }
}

control pipe(inout headers_t h, in xdp_input i, out xdp_output o) {
    apply {
        o.output_port = 0;
        o.output_action = xdp_action.XDP_PASS;
        if (h.ipv4.isValid()) {
            if (h.ipv4.ttl == 0) {
                o.output_action = xdp_action.XDP_DROP;
            } else if (h.ipv4.ttl == 1) {
                o.output_action = xdp_action.XDP_ABORTED;
            } else {
                bit<48> t = h.eth.dst;
                h.eth.dst = h.eth.src;
                h.eth.src = t;
                h.ipv4.ttl = h.ipv4.ttl - 1;
                o.output_action = xdp_action.XDP_TX;
            }
        }
    }
}

control dprs(in headers_t h, packet_out p) {
    apply {
        p.emit(h.eth);
        p.emit(h.ipv4);
    }
}

xdp(prs(), pipe(), dprs()) main;
