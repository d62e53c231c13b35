/* Extracts a header with a varbit field, which the eBPF backend does not compile yet. */
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
    apply {
        accept = true;
    }
}

ebpfFilter(prs(), filt()) main;
