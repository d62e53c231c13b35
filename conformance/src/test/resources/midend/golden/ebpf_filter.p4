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
    bool arg;
    bool arg_0;
    bool arg_1;
    state start {
        p.extract<ethernet_t>(h.eth);
        transition select(h.eth.type) {
            16w0x8100: vlan;
            16w0x800: ip;
            default: accept;
        }
    }
    state vlan {
        p.extract<vlan_t>(h.vlan[32w0]);
        transition select(h.vlan[32w0].type) {
            16w0x8100: vlan_0;
            16w0x800: ip_0;
            default: accept;
        }
    }
    state ip {
        p.extract<ipv4_t>(h.ip);
        arg = h.ip.version == 4w4;
        verify(arg, error.NoMatch);
        transition accept;
    }
    state vlan_0 {
        p.extract<vlan_t>(h.vlan[32w1]);
        transition select(h.vlan[32w1].type) {
            16w0x8100: vlan_1;
            16w0x800: ip_1;
            default: accept;
        }
    }
    state ip_0 {
        p.extract<ipv4_t>(h.ip);
        arg_0 = h.ip.version == 4w4;
        verify(arg_0, error.NoMatch);
        transition accept;
    }
    state vlan_1 {
        verify(false, error.StackOutOfBounds);
        transition reject;
    }
    state ip_1 {
        p.extract<ipv4_t>(h.ip);
        arg_1 = h.ip.version == 4w4;
        verify(arg_1, error.NoMatch);
        transition accept;
    }
}
control pipe(inout headers_t h, out bool pass) {
    bool exited;
    @name(".pipe.hits") CounterArray(32w16, false) hits;
    @name(".pipe.drop") action drop() {
        pass = false;
        exited = true;
    }
    @name(".pipe.count") action count(bit<32> slot) {
        hits.increment(slot);
    }
    @name(".pipe.forward") action forward() {
        bool returned;
        returned = false;
        if (h.ip.ttl == 8w0) {
            h.ip.ttl = 8w0;
            returned = true;
        }
        if (!returned) {
            h.ip.ttl = h.ip.ttl - 8w1;
            returned = true;
        }
        hits.increment(32w0);
    }
    bool route_key;
    @name(".pipe.route") table route {
        key = {
            h.ip.dst: lpm @name("h.ip.dst");
            route_key: exact @name("h.vlan[0].isValid()");
        }
        actions = {
            forward;
            drop;
            count;
        }
        implementation = hash_table(32w64);
        default_action = drop();
    }
    bool returned_0;
    apply {
        exited = false;
        returned_0 = false;
        pass = true;
        if (!h.ip.isValid()) {
            returned_0 = true;
        }
        if (!returned_0) {
            route_key = h.vlan[32w0].isValid();
            switch (route.apply().action_run) {
                forward: {
                    if (!exited) {
                        pass = h.ip.ttl != 8w0;
                    }
                }
                drop:
                count: {
                }
            }
            if (!exited) {
                route_key = h.vlan[32w0].isValid();
                if (route.apply().hit) {
                } else {
                    if (!exited) {
                        hits.increment(32w1);
                    }
                }
            }
        }
    }
}
ebpfFilter<headers_t>(prs(), pipe()) main;
