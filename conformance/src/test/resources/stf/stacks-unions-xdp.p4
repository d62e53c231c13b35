// Header stacks and header unions. The parser fills the stack with next until an element of
// value 0 (next past the end is StackOutOfBounds), then extracts one member of the union as the
// high nibble of ctl.op says. The ingress then does what the low nibble says: push_front,
// pop_front, making a union member valid (which invalidates the other), assigning a valid
// header to a union member, invalidating a stack element. The deparser emits ctl, the stack
// (valid elements only) and the union (its valid member). The xdp version of
// stacks-unions-v1model.p4 (for the kernel as well): the switch sends the packet back (XDP_TX);
// a parser error drops it.
#include <core.p4>
#include <xdp_model.p4>

header ctl_t { bit<8> op; }
header h8 { bit<8> v; }
header h16 { bit<16> v; }
header_union U { h8 a; h16 b; }

struct headers { ctl_t ctl; h8[3] s; U u; }

parser P(packet_in b, out headers h) {
    state start { b.extract(h.ctl); transition st; }
    state st {
        b.extract(h.s.next);
        transition select(h.s.last.v) { 0: un; default: st; }
    }
    state un { transition select(h.ctl.op[7:4]) { 1: ua; 2: ub; default: accept; } }
    state ua { b.extract(h.u.a); transition accept; }
    state ub { b.extract(h.u.b); transition accept; }
}

control S(inout headers h, in xdp_input xin, out xdp_output xout) {
    apply {
        bit<4> op = h.ctl.op[3:0];
        if (op == 1) {
            h.s.push_front(1);
            h.s[0].setValid();
            h.s[0].v = 0xAA;
        } else if (op == 2) {
            h.s.pop_front(1);
        } else if (op == 3) {
            h.s.push_front(2);
        } else if (op == 4) {
            h.u.b.setValid();
            h.u.b.v = 0x1234;
        } else if (op == 5) {
            h.u.a = { 0x77 };
        } else if (op == 6) {
            h.s[1].setInvalid();
        }
        xout.output_action = xdp_action.XDP_TX;
        xout.output_port = 0;
    }
}

control D(in headers h, packet_out b) { apply { b.emit(h.ctl); b.emit(h.s); b.emit(h.u); } }

xdp(P(), S(), D()) main;
