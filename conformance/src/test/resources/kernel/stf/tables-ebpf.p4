/*
 * The kernel target's control-plane path on tc: a ternary/range/optional table ranked by
 * priority (and entries without one), an lpm table, a counter array, defaults set by the test.
 */
#include <core.p4>
#include <ebpf_model.p4>

// range and optional come with v1model.p4 in p4c; declared here for ebpfFilter.
match_kind { range, optional }

header eth_t {
    bit<48> dst;
    bit<48> src;
    bit<16> type;
}

header ipv4_t {
    bit<4>  version;
    bit<4>  ihl;
    bit<8>  tos;
    bit<16> len;
    bit<16> id;
    bit<3>  flags;
    bit<13> frag;
    bit<8>  ttl;
    bit<8>  proto;
    bit<16> csum;
    bit<32> src;
    bit<32> dst;
}

struct headers_t {
    eth_t  eth;
    ipv4_t ipv4;
}

parser prs(packet_in p, out headers_t h) {
    state start {
        p.extract(h.eth);
        transition select(h.eth.type) {
            0x0800: ipv4;
            default: accept;
        }
    }
    state ipv4 {
        p.extract(h.ipv4);
        transition accept;
    }
}

control filt(inout headers_t h, out bool accept) {
    CounterArray(32w4, false) hits;

    action allow(bit<32> slot) {
        accept = true;
        hits.increment(slot);
    }

    action deny() {
        accept = false;
    }

    table acl {
        key = {
            h.ipv4.src   : ternary;
            h.ipv4.proto : range;
            h.ipv4.tos   : optional;
        }
        actions = { allow; deny; }
        default_action = deny();
        implementation = hash_table(64);
    }

    table hosts {
        key = { h.ipv4.dst : lpm; }
        actions = { allow; deny; }
        default_action = deny();
        implementation = hash_table(64);
    }

    apply {
        accept = false;
        if (h.ipv4.isValid()) {
            acl.apply();
            if (accept) {
                hosts.apply();
            }
        }
    }
}

ebpfFilter(prs(), filt()) main;
