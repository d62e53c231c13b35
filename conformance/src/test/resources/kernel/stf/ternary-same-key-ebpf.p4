/*
 * Two entries of a ternary table with the same value and mask and different priorities: P4 (and
 * the interpreter) keeps both, the higher priority winning.
 */
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

    action deny() {
        accept = false;
    }

    table acl {
        key = { h.eth.type : ternary; }
        actions = { allow; deny; }
        default_action = deny();
        implementation = hash_table(8);
    }

    apply {
        accept = false;
        acl.apply();
    }
}

ebpfFilter(prs(), filt()) main;
