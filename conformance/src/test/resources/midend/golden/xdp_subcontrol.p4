#include <core.p4>
#include <ebpf_model.p4>
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
struct headers_t {
    ethernet_t eth;
    ipv4_t ip;
}
parser prs(packet_in p, out headers_t h) {
    state start {
        p.extract<ethernet_t>(h.eth);
        transition select(h.eth.type) {
            16w0x800: ip;
            default: accept;
        }
    }
    state ip {
        p.extract<ipv4_t>(h.ip);
        transition accept;
    }
}
struct pair_t_bit48 {
    bit<48> first;
    bit<48> second;
}
struct pair_t_bit32 {
    bit<32> first;
    bit<32> second;
}
control sw(inout headers_t h, in xdp_input imd, out xdp_output omd) {
    pair_t_bit48 macs_v;
    bit<48> macs_t;
    pair_t_bit32 addrs_v;
    pair_t_bit48 m;
    pair_t_bit32 a;
    bit<8> switch_subject;
    apply {
        m.first = h.eth.src;
        m.second = h.eth.dst;
        macs_v.first = m.first;
        macs_v.second = m.second;
        macs_t = macs_v.first;
        macs_v.first = macs_v.second;
        macs_v.second = macs_t;
        m.first = macs_v.first;
        m.second = macs_v.second;
        h.eth.src = m.first;
        h.eth.dst = m.second;
        a.first = h.ip.src;
        a.second = h.ip.dst;
        addrs_v.first = a.first;
        addrs_v.second = a.second;
        a.first = addrs_v.first;
        a.second = addrs_v.second;
        h.ip.csum = ebpf_ipv4_checksum(h.ip.version, h.ip.ihl, h.ip.tos, h.ip.len, h.ip.id, h.ip.flags, h.ip.frag, h.ip.ttl, h.ip.proto, a.first, a.second);
        switch_subject = h.ip.proto;
        if (switch_subject == 8w6 || switch_subject == 8w17) {
            omd.output_action = xdp_action.XDP_TX;
        } else if (switch_subject == 8w1) {
            omd.output_action = xdp_action.XDP_PASS;
        } else {
            omd.output_action = xdp_action.XDP_DROP;
        }
        omd.output_port = imd.input_port;
    }
}
control dprs(in headers_t h, packet_out p) {
    apply {
        p.emit<ethernet_t>(h.eth);
        p.emit<ipv4_t>(h.ip);
    }
}
xdp<headers_t>(prs(), sw(), dprs()) main;
