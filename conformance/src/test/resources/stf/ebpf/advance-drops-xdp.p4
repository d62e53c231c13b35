/* Bytes skipped with advance are not part of the packet that goes out: the deparser writes the
   emitted headers and then the payload after the parser's cursor. */
#include <core.p4>
#include <xdp_model.p4>

header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
header tag_t { bit<16> value; }

struct headers_t { eth_t eth; tag_t tag; }

parser P(packet_in pkt, out headers_t hd) {
    state start {
        pkt.extract(hd.eth);
        pkt.advance(32);
        pkt.extract(hd.tag);
        transition accept;
    }
}

control C(inout headers_t hd, in xdp_input xin, out xdp_output xout) {
    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_TX;
    }
}

control D(in headers_t hd, packet_out pkt) {
    apply {
        pkt.emit(hd.eth);
        pkt.emit(hd.tag);
    }
}

xdp(P(), C(), D()) main;
