// An xdp program exercising the midend: a generic sub-control applied twice, constructor
// arguments, tuples passed to an extern, a switch on a value, struct assignments and a
// checksum extern function.
#include <core.p4>
#include <xdp_model.p4>

header ethernet_t {
    bit<48> dst;
    bit<48> src;
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

struct pair_t<T> {
    T first;
    T second;
}

struct headers_t {
    ethernet_t eth;
    ipv4_t ip;
}

parser prs(packet_in p, out headers_t h) {
    state start {
        p.extract(h.eth);
        transition select(h.eth.type) {
            0x0800: ip;
            default: accept;
        }
    }
    state ip {
        p.extract(h.ip);
        transition accept;
    }
}

control swap<T>(inout pair_t<T> v)(bool really) {
    apply {
        if (really) {
            T t = v.first;
            v.first = v.second;
            v.second = t;
        }
    }
}

control sw(inout headers_t h, in xdp_input imd, out xdp_output omd) {
    swap<bit<48>>(true) macs;
    swap<bit<32>>(false) addrs;
    pair_t<bit<48>> m;
    pair_t<bit<32>> a;

    apply {
        m = { h.eth.src, h.eth.dst };
        macs.apply(m);
        h.eth.src = m.first;
        h.eth.dst = m.second;
        a = { h.ip.src, h.ip.dst };
        addrs.apply(a);
        h.ip.csum = ebpf_ipv4_checksum(h.ip.version, h.ip.ihl, h.ip.tos, h.ip.len, h.ip.id, h.ip.flags,
                                       h.ip.frag, h.ip.ttl, h.ip.proto, a.first, a.second);
        switch (h.ip.proto) {
            6:
            17: { omd.output_action = xdp_action.XDP_TX; }
            1: { omd.output_action = xdp_action.XDP_PASS; }
            default: { omd.output_action = xdp_action.XDP_DROP; }
        }
        omd.output_port = imd.input_port;
    }
}

control dprs(in headers_t h, packet_out p) {
    apply {
        p.emit(h);
    }
}

xdp(prs(), sw(), dprs()) main;
