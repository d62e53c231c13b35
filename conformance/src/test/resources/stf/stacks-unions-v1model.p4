// Header stacks and header unions. The parser fills the stack with next until an element of
// value 0 (next past the end is StackOutOfBounds), then extracts one member of the union as the
// high nibble of ctl.op says. The ingress then does what the low nibble says: push_front,
// pop_front, making a union member valid (which invalidates the other), assigning a valid
// header to a union member, invalidating a stack element. The deparser emits ctl, the stack
// (valid elements only) and the union (its valid member).
#include <core.p4>
#include <v1model.p4>

header ctl_t { bit<8> op; }
header h8 { bit<8> v; }
header h16 { bit<16> v; }
header_union U { h8 a; h16 b; }

struct headers { ctl_t ctl; h8[3] s; U u; }
struct meta { }

parser P(packet_in b, out headers h, inout meta m, inout standard_metadata_t sm) {
    state start { b.extract(h.ctl); transition st; }
    state st {
        b.extract(h.s.next);
        transition select(h.s.last.v) { 0: un; default: st; }
    }
    state un { transition select(h.ctl.op[7:4]) { 1: ua; 2: ub; default: accept; } }
    state ua { b.extract(h.u.a); transition accept; }
    state ub { b.extract(h.u.b); transition accept; }
}

control VC(inout headers h, inout meta m) { apply { } }

control I(inout headers h, inout meta m, inout standard_metadata_t sm) {
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
        sm.egress_spec = 1;
    }
}

control E(inout headers h, inout meta m, inout standard_metadata_t sm) { apply { } }
control CC(inout headers h, inout meta m) { apply { } }
control D(packet_out b, in headers h) { apply { b.emit(h.ctl); b.emit(h.s); b.emit(h.u); } }

V1Switch(P(), VC(), I(), E(), CC(), D()) main;
