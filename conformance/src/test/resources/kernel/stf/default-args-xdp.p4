/*
 * A default action with an 8-bit then a 16-bit parameter: the verifier rejects the program
 * ("misaligned stack access"), the 16-bit parameter being read at an odd stack offset.
 */
#include <core.p4>
#include <xdp_model.p4>

header eth_t {
    bit<48> dst;
    bit<48> src;
    bit<16> type;
}

struct headers_t {
    eth_t eth;
}

parser prs(packet_in p, out headers_t h) {
    state start {
        p.extract(h.eth);
        transition accept;
    }
}

control pipe(inout headers_t h, in xdp_input i, out xdp_output o) {
    action set(bit<8> a, bit<16> b) {
        h.eth.dst[7:0] = a;
        h.eth.type = b;
    }

    table t {
        key = { h.eth.src : exact; }
        actions = { set; NoAction; }
        default_action = set(7, 0x0102);
    }

    apply {
        o.output_port = 0;
        o.output_action = xdp_action.XDP_TX;
        t.apply();
    }
}

control dprs(in headers_t h, packet_out p) {
    apply {
        p.emit(h.eth);
    }
}

xdp(prs(), pipe(), dprs()) main;
