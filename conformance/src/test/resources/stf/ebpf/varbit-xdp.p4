/*
 * varbit extract and emit: a header with a fixed byte and a varbit of up to 16 bytes, whose length
 * the header before it gives. kind 1 removes that first header, so the deparser lays the packet
 * out anew and moves the varbit's bytes; a length over 16 bytes is HeaderTooShort and a packet
 * that ends inside the varbit PacketTooShort (both dropped).
 */
#include <core.p4>
#include <xdp_model.p4>

header k_t {
    bit<8> kind;
    bit<8> len;
}

header opt_t {
    bit<8> tag;
    varbit<128> data;
}

header tail_t {
    bit<16> x;
}

struct headers_t {
    k_t k;
    opt_t opt;
    tail_t tail;
}

parser prs(packet_in p, out headers_t h) {
    state start {
        p.extract(h.k);
        p.extract(h.opt, (bit<32>) h.k.len * 8);
        p.extract(h.tail);
        transition accept;
    }
}

control pipe(inout headers_t h, in xdp_input i, out xdp_output o) {
    apply {
        o.output_port = 0;
        o.output_action = xdp_action.XDP_PASS;
        h.tail.x = h.tail.x + 1;
        if (h.k.kind == 1) {
            h.k.setInvalid();
        } else if (h.k.kind == 2) {
            o.output_action = xdp_action.XDP_TX;
        }
    }
}

control dprs(in headers_t h, packet_out p) {
    apply {
        p.emit(h.k);
        p.emit(h.opt);
        p.emit(h.tail);
    }
}

xdp(prs(), pipe(), dprs()) main;
