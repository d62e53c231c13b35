/* An exact table implemented as an array (array_table): the map the backend describes does not load. */
#include <core.p4>
#include <ebpf_model.p4>

header eth_t {
    bit<48> dst;
    bit<48> src;
    bit<16> type;
}

struct headers_t {
    eth_t eth;
}

parser prs(packet_in p, out headers_t h) {
    state start {
        p.extract(h.eth);
        transition accept;
    }
}

control filt(inout headers_t h, out bool accept) {
    action allow() {
        accept = true;
    }

    table ports {
        key = { h.eth.type[7:0] : exact; }
        actions = { allow; NoAction; }
        default_action = NoAction();
        implementation = array_table(256);
    }

    apply {
        accept = false;
        ports.apply();
    }
}

ebpfFilter(prs(), filt()) main;
