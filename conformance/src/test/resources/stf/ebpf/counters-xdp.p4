/*
 * CounterArray, dense (a per-CPU array) and sparse (a per-CPU hash map): the first byte of each
 * packet picks the index; dense counts packets with increment, sparse adds the second byte.
 */
#include <core.p4>
#include <xdp_model.p4>

header c_t {
    bit<8> idx;
    bit<8> amount;
}

struct headers_t {
    c_t c;
}

parser prs(packet_in p, out headers_t h) {
    state start {
        p.extract(h.c);
        transition accept;
    }
}

control pipe(inout headers_t h, in xdp_input i, out xdp_output o) {
    CounterArray(32w4, false) dense;
    CounterArray(32w64, true) sparse;
    apply {
        o.output_port = 0;
        o.output_action = xdp_action.XDP_PASS;
        dense.increment((bit<32>) h.c.idx);
        sparse.add((bit<32>) h.c.idx, (bit<32>) h.c.amount);
    }
}

control dprs(in headers_t h, packet_out p) {
    apply {
        p.emit(h.c);
    }
}

xdp(prs(), pipe(), dprs()) main;
