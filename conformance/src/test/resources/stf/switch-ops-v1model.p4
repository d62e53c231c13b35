// What simple_switch does around the pipeline, as v1model programs ask for it: mark_to_drop and
// egress_spec 511 drop; a register keeps state across packets (and the control plane writes
// it); indexed and direct counters count; mcast_grp replicates to a multicast group's ports with
// their egress_rid; clone at ingress (of the packet as it arrived) and at egress (as egress left
// it) to mirroring sessions; resubmit and recirculate keep the @field_list(1) metadata only;
// truncate cuts the packet. Egress records instance_type, egress_port and egress_rid in r (a
// resubmitted or recirculated packet shows its type only in ingress: simple_switch sends every
// packet that is not a replica or a clone to egress as type 0).
#include <core.p4>
#include <v1model.p4>

header c_t { bit<8> op; bit<8> arg; }
header r_t { bit<8> itype; bit<8> port; bit<16> rid; bit<32> reg; bit<8> kept; bit<8> lost; }

struct meta { @field_list(1) bit<8> kept; bit<8> lost; }
struct headers { c_t c; r_t r; }

parser P(packet_in b, out headers h, inout meta m, inout standard_metadata_t sm) {
    state start { b.extract(h.c); transition accept; }
}

control VC(inout headers h, inout meta m) { apply { } }

control I(inout headers h, inout meta m, inout standard_metadata_t sm) {
    register<bit<32>>(4) regs;
    counter(4, CounterType.packets_and_bytes) ctr;
    direct_counter(CounterType.packets) dc;

    table t {
        key = { h.c.arg: exact; }
        actions = { NoAction; }
        counters = dc;
    }

    apply {
        ctr.count((bit<32>) h.c.arg);
        t.apply();
        sm.egress_spec = 1;
        if (h.c.op == 1) {
            mark_to_drop(sm);
        } else if (h.c.op == 2) {
            sm.egress_spec = 511;
        } else if (h.c.op == 3) {
            bit<32> x;
            regs.read(x, 0);
            x = x + (bit<32>) h.c.arg;
            regs.write(0, x);
            h.r.setValid();
            h.r.reg = x;
        } else if (h.c.op == 4) {
            sm.mcast_grp = 7;
        } else if (h.c.op == 5) {
            clone(CloneType.I2E, 3);
        } else if (h.c.op == 6) {
            if (sm.instance_type == 0) {
                m.kept = h.c.arg;
                m.lost = 0x99;
                resubmit_preserving_field_list(1);
            } else {
                h.r.setValid();
                h.r.reg = (bit<32>) sm.instance_type;
                h.r.kept = m.kept;
                h.r.lost = m.lost;
            }
        } else if (h.c.op == 7) {
            h.r.setValid();
            h.r.reg = (bit<32>) sm.instance_type;
            if (sm.instance_type == 0) {
                m.kept = h.c.arg;
            }
        } else if (h.c.op == 8) {
            truncate(3);
        }
    }
}

control E(inout headers h, inout meta m, inout standard_metadata_t sm) {
    apply {
        h.r.setValid();
        h.r.itype = (bit<8>) sm.instance_type;
        h.r.port = (bit<8>) sm.egress_port;
        h.r.rid = sm.egress_rid;
        if (h.c.op == 7) {
            h.r.kept = m.kept;
            if (m.kept != 0xFF) {
                m.kept = 0xFF;
                recirculate_preserving_field_list(1);
            }
        }
        if (h.c.op == 9 && sm.instance_type == 0) {
            clone(CloneType.E2E, 4);
        }
    }
}

control CC(inout headers h, inout meta m) { apply { } }
control D(packet_out b, in headers h) { apply { b.emit(h.c); b.emit(h.r); } }

V1Switch(P(), VC(), I(), E(), CC(), D()) main;
