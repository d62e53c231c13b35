/*
 * An IPv4 router for XDP: parse Ethernet and IPv4, look the destination up in a longest-prefix-match
 * table, rewrite both MAC addresses, decrement the TTL with an incremental checksum update, and send
 * the packet back out (XDP_TX). Everything else is passed to the kernel's stack.
 */
#include <core.p4>
#include <xdp_model.p4>

typedef bit<48> mac_t;
typedef bit<32> ipv4_t;

const bit<16> ETHERTYPE_IPV4 = 0x0800;

header ethernet_t {
    mac_t dst;
    mac_t src;
    bit<16> etherType;
}

header ipv4_t_h {
    bit<4> version;
    bit<4> ihl;
    bit<8> diffserv;
    bit<16> totalLen;
    bit<16> identification;
    bit<3> flags;
    bit<13> fragOffset;
    bit<8> ttl;
    bit<8> protocol;
    bit<16> hdrChecksum;
    ipv4_t srcAddr;
    ipv4_t dstAddr;
}

struct headers_t {
    ethernet_t ethernet;
    ipv4_t_h ipv4;
}

parser RouterParser(packet_in packet, out headers_t hd) {
    state start {
        packet.extract(hd.ethernet);
        transition select(hd.ethernet.etherType) {
            ETHERTYPE_IPV4: parse_ipv4;
            default: accept;
        }
    }
    state parse_ipv4 {
        packet.extract(hd.ipv4);
        transition accept;
    }
}

control RouterPipe(inout headers_t hd, in xdp_input xin, out xdp_output xout) {
    action forward(mac_t srcMac, mac_t dstMac) {
        hd.ethernet.src = srcMac;
        hd.ethernet.dst = dstMac;
        bit<16> oldTtlProto = hd.ipv4.ttl ++ hd.ipv4.protocol;
        hd.ipv4.ttl = hd.ipv4.ttl - 1;
        hd.ipv4.hdrChecksum = csum_replace2(hd.ipv4.hdrChecksum, oldTtlProto, hd.ipv4.ttl ++ hd.ipv4.protocol);
        xout.output_action = xdp_action.XDP_TX;
    }
    action pass() {
        xout.output_action = xdp_action.XDP_PASS;
    }
    table routes {
        key = { hd.ipv4.dstAddr : lpm; }
        actions = { forward; pass; }
        default_action = pass();
        size = 1024;
    }
    apply {
        xout.output_port = 0;
        xout.output_action = xdp_action.XDP_PASS;
        if (hd.ipv4.isValid() && hd.ipv4.ttl > 1) {
            routes.apply();
        }
    }
}

control RouterDeparser(in headers_t hd, packet_out packet) {
    apply {
        packet.emit(hd.ethernet);
        packet.emit(hd.ipv4);
    }
}

xdp(RouterParser(), RouterPipe(), RouterDeparser()) main;
