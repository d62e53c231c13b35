// arith-v1model.p4 on xdp, for the kernel as well: the same operations on the same inputs, with
// 64-bit values (wrap-around at the machine word) in place of the 72-bit ones. The switch adds
// the result header and sends the packet back (XDP_TX). See arith-xdp.stf for the values.
#include <core.p4>
#include <xdp_model.p4>

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
    bit<64> wide; bit<64> wide2; bit<64> wsub;
}

struct headers { in_t i; out_t o; }

parser P(packet_in b, out headers h) {
    state start { b.extract(h.i); transition accept; }
}

control S(inout headers h, in xdp_input xin, out xdp_output xout) {
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
        h.o.wide = (((bit<64>) a) << 56) + (((bit<64>) b) << 8) + 64w0x0102;
        h.o.wide2 = 64w0xFFFFFFFFFFFFFFFF + 64w2;
        h.o.wsub = 64w0 - (bit<64>) a;
        xout.output_action = xdp_action.XDP_TX;
        xout.output_port = 0;
    }
}

control D(in headers h, packet_out b) { apply { b.emit(h.i); b.emit(h.o); } }

xdp(P(), S(), D()) main;
