/* The kernel target's probe: passes IPv4 frames unchanged and drops everything else. */
#include <core.p4>
#include <xdp_model.p4>

header ethernet_t {
    bit<48> dst;
    bit<48> src;
    bit<16> etherType;
}

struct headers_t {
    ethernet_t ethernet;
}

parser prs(packet_in p, out headers_t h) {
    state start {
        p.extract(h.ethernet);
        transition accept;
    }
}

control pipe(inout headers_t h, in xdp_input i, out xdp_output o) {
    apply {
        o.output_port = 0;
        if (h.ethernet.etherType == 0x0800) {
            o.output_action = xdp_action.XDP_PASS;
        } else {
            o.output_action = xdp_action.XDP_DROP;
        }
    }
}

control dprs(in headers_t h, packet_out p) {
    apply {
        p.emit(h.ethernet);
    }
}

xdp(prs(), pipe(), dprs()) main;
