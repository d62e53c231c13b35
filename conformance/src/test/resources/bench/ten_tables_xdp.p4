// The interpreter benchmark's XDP program: the router of ten_tables.p4 on xdp_model.p4, its
// switch control applying the same ten tables in a row (exact, lpm and ternary keys on
// Ethernet, IPv4 and TCP fields and on metadata the earlier tables set). Entries come from
// ten_tables_xdp.stf.
#include <core.p4>
#include <xdp_model.p4>

header ethernet_t { bit<48> dst; bit<48> src; bit<16> etherType; }
header ipv4_t {
    bit<4> version; bit<4> ihl; bit<8> diffserv; bit<16> totalLen; bit<16> identification;
    bit<3> flags; bit<13> fragOffset; bit<8> ttl; bit<8> protocol; bit<16> hdrChecksum;
    bit<32> srcAddr; bit<32> dstAddr;
}
header tcp_t {
    bit<16> srcPort; bit<16> dstPort; bit<32> seq; bit<32> ack; bit<4> dataOffset; bit<4> res;
    bit<8> flags; bit<16> window; bit<16> checksum; bit<16> urgent;
}
struct headers { ethernet_t ethernet; ipv4_t ipv4; tcp_t tcp; }
struct metadata { bit<16> vrf; bit<16> nexthop; bit<8> class; bit<8> score; bit<9> port; }

parser P(packet_in b, out headers h) {
    state start {
        b.extract(h.ethernet);
        transition select(h.ethernet.etherType) { 0x0800: ipv4; default: accept; }
    }
    state ipv4 {
        b.extract(h.ipv4);
        transition select(h.ipv4.protocol) { 6: tcp; default: accept; }
    }
    state tcp { b.extract(h.tcp); transition accept; }
}

control I(inout headers h, in xdp_input imd, out xdp_output omd) {
    metadata m;
    bool dropped = false;
    action drop() { dropped = true; }
    action set_vrf(bit<16> vrf) { m.vrf = vrf; }
    action set_class(bit<8> c) { m.class = c; }
    action add_score(bit<8> s) { m.score = m.score + s; }
    action set_nexthop(bit<16> nh) { m.nexthop = nh; }
    action set_port(bit<9> p) { m.port = p; }
    action rewrite(bit<48> dst, bit<48> src) { h.ethernet.dst = dst; h.ethernet.src = src; }
    action dec_ttl() { h.ipv4.ttl = h.ipv4.ttl - 1; }
    action mark(bit<8> d) { h.ipv4.diffserv = d; }

    table port_vrf { key = { imd.input_port: exact; } actions = { set_vrf; drop; } default_action = drop(); }
    table src_class { key = { h.ipv4.srcAddr: exact; } actions = { set_class; NoAction; } default_action = NoAction(); }
    table dst_class { key = { h.ipv4.dstAddr: exact; } actions = { set_class; NoAction; } default_action = NoAction(); }
    table acl { key = { h.tcp.dstPort: ternary; h.ipv4.protocol: ternary; } actions = { add_score; drop; NoAction; }
                default_action = NoAction(); }
    table route { key = { m.vrf: exact; h.ipv4.dstAddr: lpm; } actions = { set_nexthop; drop; } default_action = drop(); }
    table nexthop { key = { m.nexthop: exact; } actions = { set_port; drop; } default_action = drop(); }
    table qos { key = { m.class: exact; } actions = { mark; NoAction; } default_action = NoAction(); }
    table score { key = { m.score: exact; } actions = { add_score; NoAction; } default_action = NoAction(); }
    table smac { key = { m.port: exact; } actions = { rewrite; NoAction; } default_action = NoAction(); }
    table ttl { key = { h.ipv4.ttl: ternary; } actions = { dec_ttl; drop; } default_action = dec_ttl(); }

    apply {
        port_vrf.apply();
        src_class.apply();
        dst_class.apply();
        acl.apply();
        route.apply();
        nexthop.apply();
        qos.apply();
        score.apply();
        smac.apply();
        ttl.apply();
        omd.output_port = (bit<32>) m.port;
        omd.output_action = dropped ? xdp_action.XDP_DROP : xdp_action.XDP_REDIRECT;
    }
}

control D(in headers h, packet_out b) {
    apply { b.emit(h.ethernet); b.emit(h.ipv4); b.emit(h.tcp); }
}

xdp(P(), I(), D()) main;
