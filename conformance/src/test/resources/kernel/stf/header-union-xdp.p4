/*
 * A header union whose members are extracted in two parser states, one member then written in
 * the control: the kernel sends the packet with the member unchanged.
 */
#include <core.p4>
#include <xdp_model.p4>

header eth_t {
    bit<48> dst;
    bit<48> src;
    bit<16> type;
}

header a_t {
    bit<32> a;
}

header b_t {
    bit<16> b;
    bit<16> c;
}

header_union u_t {
    a_t a;
    b_t b;
}

struct headers_t {
    eth_t eth;
    u_t   u;
}

parser prs(packet_in p, out headers_t h) {
    state start {
        p.extract(h.eth);
        transition select(h.eth.type) {
            0x0800: ua;
            default: ub;
        }
    }
    state ua {
        p.extract(h.u.a);
        transition accept;
    }
    state ub {
        p.extract(h.u.b);
        transition accept;
    }
}

control pipe(inout headers_t h, in xdp_input i, out xdp_output o) {
    apply {
        o.output_port = 0;
        o.output_action = xdp_action.XDP_TX;
        if (h.u.a.isValid()) {
            h.u.a.a = 32w0x01020304;
        }
    }
}

control dprs(in headers_t h, packet_out p) {
    apply {
        p.emit(h.eth);
        p.emit(h.u);
    }
}

xdp(prs(), pipe(), dprs()) main;
