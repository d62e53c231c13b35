// Calls and control flow: copy-out in parameter order when two out arguments are the same
// location, copy-in of one location to two inout parameters, arguments evaluated left to right
// (a function with an inout parameter called twice in one expression), a generic function,
// for loops with continue and break, return from functions, switch with a case falling through
// to the next body, a sub-control with a constructor argument that may exit (which ends the
// whole ingress, its inout argument still copied out), a sub-parser, and a control applied
// directly by its type in egress. calls-xdp.p4 is the same on xdp.
#include <core.p4>
#include <v1model.p4>

header d_t { bit<8> a; bit<8> b; bit<8> c; bit<8> r1; bit<8> r2; bit<8> r3; bit<8> r4; bit<8> r5; }

struct headers { d_t d; }
struct meta { }

parser SubP(packet_in b, out d_t d) {
    state start { b.extract(d); transition accept; }
}

parser P(packet_in b, out headers h, inout meta m, inout standard_metadata_t sm) {
    SubP() sub;
    state start { sub.apply(b, h.d); transition accept; }
}

control VC(inout headers h, inout meta m) { apply { } }

T pick<T>(in bool c, in T x, in T y) {
    if (c) {
        return x;
    }
    return y;
}

bit<8> sum_loop(in bit<8> n) {
    bit<8> s = 0;
    for (bit<8> i = 1; i <= n; i = i + 1) {
        if (i == 3) { continue; }
        if (i == 6) { break; }
        s = s + i;
    }
    return s;
}

bit<8> bump(inout bit<8> v) {
    v = v + 1;
    return v;
}

control Sub(inout bit<8> x)(bit<8> k) {
    apply {
        x = x + k;
        if (x == 0x30) { exit; }
        x = x + 1;
    }
}

control I(inout headers h, inout meta m, inout standard_metadata_t sm) {
    Sub(5) s5;

    action two_outs(out bit<8> x, out bit<8> y) { x = 1; y = 2; }
    action inc_both(inout bit<8> x, inout bit<8> y) { x = x + 1; y = y + 10; }

    apply {
        sm.egress_spec = 1;
        two_outs(h.d.r1, h.d.r1);
        inc_both(h.d.a, h.d.a);
        h.d.c = pick<bit<8>>(h.d.a == 0x0B, 0xC1, 0xC2);
        h.d.r3 = bump(h.d.c) + bump(h.d.c) * 2;
        h.d.r4 = h.d.b;
        s5.apply(h.d.r4);
        switch (h.d.a) {
            11: { h.d.r5 = 0x11; }
            12:
            13: { h.d.r5 = 0x23; }
            default: { h.d.r5 = 0xFF; }
        }
        h.d.r2 = sum_loop(10);
    }
}

control Twice(inout bit<8> x) { apply { x = x * 2; } }

control E(inout headers h, inout meta m, inout standard_metadata_t sm) {
    apply { Twice.apply(h.d.r1); }
}

control CC(inout headers h, inout meta m) { apply { } }
control D(packet_out b, in headers h) { apply { b.emit(h.d); } }

V1Switch(P(), VC(), I(), E(), CC(), D()) main;
