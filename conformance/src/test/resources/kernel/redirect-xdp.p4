/* Redirects every frame to port 3 (XDP_REDIRECT), which BPF_PROG_TEST_RUN cannot report. */
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
    apply {
        o.output_port = 3;
        o.output_action = xdp_action.XDP_REDIRECT;
    }
}

control dprs(in headers_t h, packet_out p) {
    apply {
        p.emit(h.eth);
    }
}

xdp(prs(), pipe(), dprs()) main;
