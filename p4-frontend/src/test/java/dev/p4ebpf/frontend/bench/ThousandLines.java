package dev.p4ebpf.frontend.bench;

/** A v1model program with {@code n} tables, each with two actions and a switch on its result (25 lines a table). */
final class ThousandLines {
    private ThousandLines() {}

    static String program(int n) {
        var p = new StringBuilder("""
                #include <core.p4>
                #include <v1model.p4>
                header eth_t { bit<48> dst; bit<48> src; bit<16> type; }
                header ipv4_t {
                    bit<4> version; bit<4> ihl; bit<8> tos; bit<16> len; bit<16> id; bit<3> flags; bit<13> frag;
                    bit<8> ttl; bit<8> proto; bit<16> csum; bit<32> src; bit<32> dst;
                }
                struct headers { eth_t eth; ipv4_t ipv4; }
                struct meta { bit<32> a; bit<32> b; bit<16> c; }
                parser P(packet_in pkt, out headers hdr, inout meta m, inout standard_metadata_t sm) {
                    state start {
                        pkt.extract(hdr.eth);
                        transition select(hdr.eth.type) {
                            0x0800: parse_ipv4;
                            default: accept;
                        }
                    }
                    state parse_ipv4 {
                        pkt.extract(hdr.ipv4);
                        transition accept;
                    }
                }
                control V(inout headers hdr, inout meta m) { apply {} }
                control I(inout headers hdr, inout meta m, inout standard_metadata_t sm) {
                """);
        for (int i = 0; i < n; i++) {
            p.append("""
                        action set_%1$d(bit<32> v, bit<9> port) {
                            m.a = m.a + v;
                            m.b = m.b ^ (bit<32>)%1$d;
                            sm.egress_spec = port;
                            hdr.ipv4.ttl = hdr.ipv4.ttl - 1;
                        }
                        action drop_%1$d() {
                            mark_to_drop(sm);
                        }
                        table t_%1$d {
                            key = {
                                hdr.ipv4.dst : lpm;
                                hdr.ipv4.proto : exact;
                                m.c : ternary;
                            }
                            actions = { set_%1$d; drop_%1$d; NoAction; }
                            default_action = NoAction();
                            size = 1024;
                        }
                    """.formatted(i));
        }
        p.append("    apply {\n");
        for (int i = 0; i < n; i++) {
            p.append("""
                            if (hdr.ipv4.isValid() && m.a != %1$d) {
                                switch (t_%1$d.apply().action_run) {
                                    drop_%1$d: { exit; }
                                    default: { m.c = m.c + 1; }
                                }
                            }
                    """.formatted(i));
        }
        p.append("""
                    }
                }
                control E(inout headers hdr, inout meta m, inout standard_metadata_t sm) { apply {} }
                control C(inout headers hdr, inout meta m) { apply {} }
                control D(packet_out pkt, in headers hdr) { apply { pkt.emit(hdr.eth); pkt.emit(hdr.ipv4); } }
                V1Switch(P(), V(), I(), E(), C(), D()) main;
                """);
        return p.toString();
    }
}
