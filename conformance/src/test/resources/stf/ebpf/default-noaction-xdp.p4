/* A table without default_action misses into NoAction, and a switch on action_run sees it. */
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
struct headers_t { eth_t eth; }

parser P(packet_in pkt, out headers_t hd) {
    state start { pkt.extract(hd.eth); transition accept; }
}

control C(inout headers_t hd, in xdp_input xin, out xdp_output xout) {
    action mark() { hd.eth.type = 16w0x1111; }
    table t {
        key = { hd.eth.dst : exact; }
        actions = { mark; NoAction; }
    }
    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_TX;
        switch (t.apply().action_run) {
            NoAction: { hd.eth.type = 16w0x2222; }
            mark: { hd.eth.src = 48w0; }
        }
    }
}

control D(in headers_t hd, packet_out pkt) {
    apply { pkt.emit(hd.eth); }
}

xdp(P(), C(), D()) main;
