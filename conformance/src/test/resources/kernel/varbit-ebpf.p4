/* Copies a varbit field into a local variable and compares them, which the eBPF backend does not
 * compile (it extracts and emits varbit fields, but keeps their values only in the packet). */
#include <core.p4>
#include <ebpf_model.p4>

header opt_t {
    bit<8> len;
    varbit<64> data;
}

struct headers_t {
    opt_t opt;
}

parser prs(packet_in p, out headers_t h) {
    state start {
        p.extract(h.opt, 32);
        transition accept;
    }
}

control filt(inout headers_t h, out bool accept) {
    varbit<64> copy;
    apply {
        copy = h.opt.data;
        accept = copy == h.opt.data;
    }
}

ebpfFilter(prs(), filt()) main;
