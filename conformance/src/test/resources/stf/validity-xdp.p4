// Header validity and reads of invalid headers, on xdp (for the kernel as well). P4 leaves the
// value of an invalid header's field unspecified; the interpreter, like BMv2 and the eBPF
// targets, keeps fields as storage that validity does not touch: a header never extracted or
// written reads as zeros, setInvalid() and setValid() change only the validity bit, and the
// deparser emits valid headers only. The parser extracts b only when a.x is 1.
#include <core.p4>
#include <xdp_model.p4>

header a_t { bit<8> x; }
header b_t { bit<8> y; }
header o_t { bit<8> r0; bit<8> r1; bit<8> r2; bit<8> r3; }

struct headers { a_t a; b_t b; o_t o; }

parser P(packet_in b, out headers h) {
    state start {
        b.extract(h.a);
        transition select(h.a.x) { 1: more; default: accept; }
    }
    state more { b.extract(h.b); transition accept; }
}

control S(inout headers h, in xdp_input xin, out xdp_output xout) {
    apply {
        h.o.setValid();
        h.o.r0 = h.b.y;
        h.o.r1 = h.b.isValid() ? 8w1 : 8w0;
        h.a.setInvalid();
        h.o.r2 = h.a.x;
        h.a.x = 0x99;
        h.b.setValid();
        h.o.r3 = h.b.y;
        xout.output_action = xdp_action.XDP_TX;
        xout.output_port = 0;
    }
}

control D(in headers h, packet_out b) { apply { b.emit(h.a); b.emit(h.b); b.emit(h.o); } }

xdp(P(), S(), D()) main;
