package dev.p4ebpf.conformance.midend;

import static dev.p4ebpf.conformance.midend.MidendSupport.dumpAfter;
import static dev.p4ebpf.conformance.midend.MidendSupport.from;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** propagate-constants and eliminate-dead-code. */
class ConstantsAndDeadCodeTest {
    private static final String PROGRAM = """
            #include <core.p4>
            header h_t { bit<8> f; bit<8> g; }
            control C(inout h_t h);
            package top(C c);
            control c(inout h_t h) {
                apply {
                    bit<8> a = 4;
                    bit<8> b = a + 1;
                    bit<8> unused = b;
                    if (b == 5) {
                        h.f = a;
                    } else {
                        h.f = b;
                    }
                    h.g = 3;
                    if (h.g == 3) {
                        h.f = h.f + h.g;
                    }
                    ;
                    {}
                }
            }
            top(c()) main;
            """;

    @Test
    void literalsFlowIntoReadsAndConditionsFold() {
        String dump = dumpAfter(PROGRAM, "propagate-constants");
        assertEquals("""
                    apply {
                        a = 8w4;
                        b = 8w5;
                        unused = 8w5;
                        if (true) {
                            h.f = 8w4;
                        } else {
                            h.f = 8w5;
                        }
                        h.g = 8w3;
                        if (true) {
                            h.f = 8w7;
                        }
                        ;
                         {
                        }
                    }
                """, from(dump, "    apply {").replaceAll("(?s)\\}\\ntop\\(.*", ""));
    }

    @Test
    void untakenBranchesEmptyCodeAndUnreadVariablesGo() {
        String dump = dumpAfter(PROGRAM, "eliminate-dead-code");
        assertEquals("""
                control c(inout h_t h) {
                    apply {
                        h.f = 8w4;
                        h.g = 8w3;
                        h.f = 8w7;
                    }
                }
                top(c()) main;
                """, from(dump, "control c("));
    }

    @Test
    void selectsOnLiteralsBecomeTransitionsAndUnreachableStatesGo() {
        String dump = dumpAfter("""
                #include <core.p4>
                header h_t { bit<8> f; }
                parser p(packet_in pkt, out h_t h) {
                    state start {
                        bit<8> k = 2;
                        transition select(k) { 1: one; 2: two; default: reject; }
                    }
                    state one { transition accept; }
                    state two { pkt.extract(h); transition accept; }
                }
                parser P(packet_in pkt, out h_t h);
                package top(P p);
                top(p()) main;
                """, "eliminate-dead-code");
        assertEquals("""
                parser p(packet_in pkt, out h_t h) {
                    state start {
                        transition two;
                    }
                    state two {
                        pkt.extract<h_t>(h);
                        transition accept;
                    }
                }
                """, from(dump, "parser p(").replaceAll("(?s)parser P\\(.*", ""));
    }

    @Test
    void aSwitchOnTheActionRunMayRunNoCaseWhenTheTableMisses() {
        String dump = dumpAfter("""
                #include <core.p4>
                header h_t { bit<8> f; bit<8> g; }
                control C(inout h_t h);
                package top(C c);
                control c(inout h_t h) {
                    action a() { }
                    table t { key = { h.f : exact; } actions = { a; } }
                    apply {
                        bool done = false;
                        switch (t.apply().action_run) {
                            a: { done = true; }
                        }
                        if (!done) {
                            h.g = 1;
                        }
                    }
                }
                top(c()) main;
                """, "propagate-constants");
        assertEquals("""
                        if (!done) {
                            h.g = 8w1;
                        }
                    }
                """, from(dump, "        if (!done)").replaceAll("(?s)\\}\\ntop\\(.*", ""));
    }
}
