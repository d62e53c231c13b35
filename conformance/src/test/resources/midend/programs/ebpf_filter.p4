// An ebpfFilter program exercising the midend: a VLAN stack parsed in a loop, a table with an
// action that exits, hit/miss, a switch on action_run, a function and a direct action call.
#include <core.p4>
#include <ebpf_model.p4>

header ethernet_t {
    bit<48> dst;
    bit<48> src;
    bit<16> type;
}

header vlan_t {
    bit<3> pcp;
    bit<1> dei;
    bit<12> vid;
    bit<16> type;
}

header ipv4_t {
    bit<4> version;
    bit<4> ihl;
    bit<8> tos;
    bit<16> len;
    bit<16> id;
    bit<3> flags;
    bit<13> frag;
    bit<8> ttl;
    bit<8> proto;
    bit<16> csum;
    bit<32> src;
    bit<32> dst;
}

struct headers_t {
    ethernet_t eth;
    vlan_t[2] vlan;
    ipv4_t ip;
}

parser prs(packet_in p, out headers_t h) {
    state start {
        p.extract(h.eth);
        transition select(h.eth.type) {
            0x8100: vlan;
            0x0800: ip;
            default: accept;
        }
    }
    state vlan {
        p.extract(h.vlan.next);
        transition select(h.vlan.last.type) {
            0x8100: vlan;
            0x0800: ip;
            default: accept;
        }
    }
    state ip {
        p.extract(h.ip);
        verify(h.ip.version == 4, error.NoMatch);
        transition accept;
    }
}

bit<8> decremented(in bit<8> ttl) {
    if (ttl == 0) {
        return 0;
    }
    return ttl - 1;
}

control pipe(inout headers_t h, out bool pass) {
    CounterArray(32w16, false) hits;

    action drop() {
        pass = false;
        exit;
    }
    action count(bit<32> slot) {
        hits.increment(slot);
    }
    action forward() {
        h.ip.ttl = decremented(h.ip.ttl);
        count(0);
    }
    table route {
        key = {
            h.ip.dst : lpm;
            h.vlan[0].isValid() : exact;
        }
        actions = { forward; drop; count; }
        default_action = drop();
        implementation = hash_table(64);
    }
    apply {
        pass = true;
        if (!h.ip.isValid()) {
            return;
        }
        switch (route.apply().action_run) {
            forward: { pass = h.ip.ttl != 0; }
            default: { }
        }
        if (!route.apply().hit) {
            hits.increment(1);
        }
    }
}

ebpfFilter(prs(), pipe()) main;
