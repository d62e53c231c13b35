// Parsing with lookahead, advance and a varbit whose size a header gives, and select with a
// mask, ranges, a value set (empty: nothing was added to it) and default; the deparser emits only
// the headers that are valid, followed by the bytes the parser did not consume. On xdp, a parser
// error drops the packet; the switch sends every other packet back (XDP_TX).
#include <core.p4>
#include <xdp_model.p4>

header a_t { bit<8> x; }
header b_t { bit<16> y; }
header vl_t { bit<8> len; }
header v_t { varbit<32> opt; }

struct headers { a_t a; b_t b; vl_t vl; v_t v; a_t tail; }

parser P(packet_in b, out headers h) {
    value_set<bit<8>>(4) pvs;
    state start {
        transition select(b.lookahead<bit<8>>()) {
            0x00 &&& 0xF0: small;
            0x10 .. 0x1F: range;
            0x20 .. 0x2F: vb;
            pvs: small;
            0x80 &&& 0x80: skip;
            default: accept;
        }
    }
    state small { b.extract(h.a); transition accept; }
    state range { b.extract(h.a); b.extract(h.b); transition accept; }
    state vb {
        b.advance(8);
        b.extract(h.vl);
        b.extract(h.v, (bit<32>) h.vl.len * 8);
        transition accept;
    }
    state skip { b.advance(8); b.extract(h.tail); transition accept; }
}

control S(inout headers h, in xdp_input i, out xdp_output o) {
    apply { o.output_action = xdp_action.XDP_TX; }
}

control D(in headers h, packet_out b) {
    apply { b.emit(h.a); b.emit(h.b); b.emit(h.vl); b.emit(h.v); b.emit(h.tail); }
}

xdp(P(), S(), D()) main;
