/*
 * A packet filter for tc or XDP (ebpfFilter): IPv4 packets from a blocked source address or to a
 * blocked TCP/UDP destination port are dropped; every other packet passes. Drops are counted per
 * reason.
 */
#include <core.p4>
#include <ebpf_model.p4>

header ethernet_t {
    bit<48> dst;
    bit<48> src;
    bit<16> etherType;
}

header ipv4_t {
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
    bit<32> srcAddr;
    bit<32> dstAddr;
}

header ports_t {
    bit<16> srcPort;
    bit<16> dstPort;
}

struct headers_t {
    ethernet_t ethernet;
    ipv4_t ipv4;
    ports_t ports;
}

parser FilterParser(packet_in packet, out headers_t hd) {
    state start {
        packet.extract(hd.ethernet);
        transition select(hd.ethernet.etherType) {
            0x0800: parse_ipv4;
            default: accept;
        }
    }
    state parse_ipv4 {
        packet.extract(hd.ipv4);
        verify(hd.ipv4.ihl == 5, error.HeaderTooShort);
        transition select(hd.ipv4.protocol) {
            6: parse_ports;
            17: parse_ports;
            default: accept;
        }
    }
    state parse_ports {
        packet.extract(hd.ports);
        transition accept;
    }
}

control Filter(inout headers_t hd, out bool pass) {
    CounterArray(2, false) drops;

    action block_source() {
        pass = false;
        drops.increment(0);
    }
    action block_port() {
        pass = false;
        drops.increment(1);
    }
    action allow() {
        pass = true;
    }

    table sources {
        key = { hd.ipv4.srcAddr : exact; }
        actions = { block_source; allow; }
        default_action = allow();
        implementation = hash_table(256);
    }
    table ports {
        key = { hd.ports.dstPort : exact; }
        actions = { block_port; allow; }
        default_action = allow();
        implementation = hash_table(64);
    }

    apply {
        pass = true;
        if (hd.ipv4.isValid()) {
            sources.apply();
            if (pass && hd.ports.isValid()) {
                ports.apply();
            }
        }
    }
}

ebpfFilter(FilterParser(), Filter()) main;
