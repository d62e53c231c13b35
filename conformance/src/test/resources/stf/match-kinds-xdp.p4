// Tables on xdp (for the kernel as well), of the match kinds an eBPF target offers: exact, lpm
// (the longest prefix wins) and ternary (the highest priority wins), with entries from the STF
// file; const entries ranked by their order and by explicit priorities; default actions (the
// program's, and one replaced by setdefault); hit, miss and action_run. Each table writes its
// result into a field of res; res.flags records hit/miss/action_run. The switch sends the
// packet back (XDP_TX). match-kinds-v1model.p4 adds range and optional keys.
#include <core.p4>
#include <xdp_model.p4>

header k_t { bit<8> e; bit<16> l; bit<8> t; }
header res_t { bit<8> exact; bit<8> lpm; bit<8> tern; bit<8> cst; bit<8> prio; bit<8> flags; }

struct headers { k_t k; res_t res; }

parser P(packet_in b, out headers h) {
    state start { b.extract(h.k); transition accept; }
}

control S(inout headers h, in xdp_input xin, out xdp_output xout) {
    action se(bit<8> v) { h.res.exact = v; }
    action sl(bit<8> v) { h.res.lpm = v; }
    action st(bit<8> v) { h.res.tern = v; }
    action sc(bit<8> v) { h.res.cst = v; }
    action sp(bit<8> v) { h.res.prio = v; }

    table te { key = { h.k.e: exact; } actions = { se; } default_action = se(0xEE); }
    table tl { key = { h.k.l: lpm; } actions = { sl; NoAction; } default_action = NoAction(); }
    table tt { key = { h.k.t: ternary; } actions = { st; } default_action = st(0); }
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
        switch (tl.apply().action_run) {
            sl: { flags = flags | 0x40; }
            NoAction: { flags = flags | 0x08; }
        }
        if (tt.apply().miss) { flags = flags | 0x20; }
        tc.apply();
        tp.apply();
        h.res.flags = flags;
        xout.output_action = xdp_action.XDP_TX;
        xout.output_port = 0;
    }
}

control D(in headers h, packet_out b) { apply { b.emit(h.k); b.emit(h.res); } }

xdp(P(), S(), D()) main;
