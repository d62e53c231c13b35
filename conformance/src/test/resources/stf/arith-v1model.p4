// Arithmetic on bit<N> and int<N>: wrap-around, saturation, division, shifts (logical and
// arithmetic), comparisons (signed and unsigned), concatenation, slices, casts that extend the
// sign or not, and 72-bit values (wider than a machine word). The inputs come in a header; each
// result goes into a field of a header the ingress adds. See arith-v1model.stf for the values.
#include <core.p4>
#include <v1model.p4>

header in_t { bit<8> a; bit<8> b; int<8> sa; int<8> sb; bit<4> n; bit<4> pad; }

header out_t {
    bit<8> add; bit<8> sub; bit<8> mul; bit<8> div; bit<8> mod;
    bit<8> addsat; bit<8> subsat; int<8> saddsat; int<8> ssubsat;
    bit<8> shl; bit<8> shr; int<8> sshr;
    bit<8> cmp;
    bit<16> concat;
    bit<4> slice; bit<4> pad;
    bit<16> widen_s; bit<16> widen_u;
    bit<8> neg; bit<8> not;
    bit<72> wide; bit<72> wide2; bit<72> wsub;
}

struct headers { in_t i; out_t o; }
struct meta { }

parser P(packet_in b, out headers h, inout meta m, inout standard_metadata_t sm) {
    state start { b.extract(h.i); transition accept; }
}

control VC(inout headers h, inout meta m) { apply { } }

control I(inout headers h, inout meta m, inout standard_metadata_t sm) {
    apply {
        bit<8> a = h.i.a;
        bit<8> b = h.i.b;
        int<8> sa = h.i.sa;
        int<8> sb = h.i.sb;
        h.o.setValid();
        h.o.add = a + b;
        h.o.sub = a - b;
        h.o.mul = a * b;
        h.o.div = a / b;
        h.o.mod = a % b;
        h.o.addsat = a |+| b;
        h.o.subsat = b |-| a;
        h.o.saddsat = sa |+| sa;
        h.o.ssubsat = sb |-| sa;
        h.o.shl = a << h.i.n;
        h.o.shr = a >> h.i.n;
        h.o.sshr = sa >> h.i.n;
        h.o.cmp = ((bit<8>) (bit<1>) (a < b)) << 7 | ((bit<8>) (bit<1>) (a > b)) << 6
                | ((bit<8>) (bit<1>) (sa < sb)) << 5 | ((bit<8>) (bit<1>) (sa > sb)) << 4
                | ((bit<8>) (bit<1>) (a == b)) << 3 | ((bit<8>) (bit<1>) (a != b)) << 2
                | ((bit<8>) (bit<1>) ((bit<8>) sa < (bit<8>) sb)) << 1 | (bit<8>) (bit<1>) (a <= b);
        h.o.concat = a ++ b;
        h.o.slice = a[5:2];
        h.o.pad = 0;
        h.o.widen_s = (bit<16>) (int<16>) sa;
        h.o.widen_u = (bit<16>) a;
        h.o.neg = -a;
        h.o.not = ~a;
        h.o.wide = (((bit<72>) a) << 64) + (((bit<72>) b) << 8) + 72w0x0102;
        h.o.wide2 = 72w0xFFFFFFFFFFFFFFFFFF + 72w2;
        h.o.wsub = 72w0 - (bit<72>) a;
        sm.egress_spec = 1;
    }
}

control E(inout headers h, inout meta m, inout standard_metadata_t sm) { apply { } }
control CC(inout headers h, inout meta m) { apply { } }
control D(packet_out b, in headers h) { apply { b.emit(h.i); b.emit(h.o); } }

V1Switch(P(), VC(), I(), E(), CC(), D()) main;
