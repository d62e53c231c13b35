// Tables of every match kind, with entries from the STF file: exact, lpm (the longest prefix
// wins), ternary and range (the highest priority wins), optional (a wildcard or a value), plus
// const entries ranked by their order and by explicit priorities, default actions (the
// program's, replaced by setdefault), and hit, miss and action_run. Each table writes its
// result into a field of res; res.flags records hit/miss/action_run.
#include <core.p4>
#include <v1model.p4>

header k_t { bit<8> e; bit<16> l; bit<8> t; bit<8> r; bit<8> o; }
header res_t { bit<8> exact; bit<8> lpm; bit<8> tern; bit<8> range; bit<8> opt; bit<8> cst; bit<8> prio; bit<8> flags; }

struct headers { k_t k; res_t res; }
struct meta { }

parser P(packet_in b, out headers h, inout meta m, inout standard_metadata_t sm) {
    state start { b.extract(h.k); transition accept; }
}

control VC(inout headers h, inout meta m) { apply { } }

control I(inout headers h, inout meta m, inout standard_metadata_t sm) {
    action se(bit<8> v) { h.res.exact = v; }
    action sl(bit<8> v) { h.res.lpm = v; }
    action st(bit<8> v) { h.res.tern = v; }
    action sr(bit<8> v) { h.res.range = v; }
    action so(bit<8> v) { h.res.opt = v; }
    action sc(bit<8> v) { h.res.cst = v; }
    action sp(bit<8> v) { h.res.prio = v; }

    table te { key = { h.k.e: exact; } actions = { se; } default_action = se(0xEE); }
    table tl { key = { h.k.l: lpm; } actions = { sl; } default_action = sl(0); }
    table tt { key = { h.k.t: ternary; } actions = { st; } default_action = st(0); }
    table tr { key = { h.k.r: range; } actions = { sr; NoAction; } default_action = NoAction(); }
    table to { key = { h.k.o: optional; h.k.e: exact; } actions = { so; } default_action = so(0); }
    table tc {
        key = { h.k.t: ternary; }
        actions = { sc; }
        const entries = {
            0x0F &&& 0x0F: sc(1);
            0x1F &&& 0xFF: sc(2);
            _: sc(3);
        }
    }
    table tp {
        key = { h.k.t: ternary; }
        actions = { sp; }
        default_action = sp(0);
        const entries = {
            priority = 10: 0x0F &&& 0x0F: sp(1);
            priority = 20: 0x0F &&& 0x0F: sp(2);
            priority = 15: 0x1F &&& 0xFF: sp(3);
        }
    }

    apply {
        h.res.setValid();
        bit<8> flags = 0;
        if (te.apply().hit) { flags = flags | 0x80; }
        if (tl.apply().hit) { flags = flags | 0x40; }
        if (tt.apply().miss) { flags = flags | 0x20; }
        switch (tr.apply().action_run) {
            sr: { flags = flags | 0x10; }
            NoAction: { flags = flags | 0x08; }
        }
        to.apply();
        tc.apply();
        tp.apply();
        h.res.flags = flags;
        sm.egress_spec = 1;
    }
}

control E(inout headers h, inout meta m, inout standard_metadata_t sm) { apply { } }
control CC(inout headers h, inout meta m) { apply { } }
control D(packet_out b, in headers h) { apply { b.emit(h.k); b.emit(h.res); } }

V1Switch(P(), VC(), I(), E(), CC(), D()) main;
