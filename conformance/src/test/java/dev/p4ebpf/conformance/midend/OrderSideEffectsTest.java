package dev.p4ebpf.conformance.midend;

import static dev.p4ebpf.conformance.midend.MidendSupport.dumpAfter;
import static dev.p4ebpf.conformance.midend.MidendSupport.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** order-side-effects: calls out of expressions, in the spec's evaluation order. */
class OrderSideEffectsTest {
    private static final String ARCH = """
            control C(inout bit<8> a, inout bool b);
            package top(C c);
            """;

    private static String apply(String body) {
        return "extern bit<8> g(inout bit<8> z);\nextern void f(inout bit<8> x, in bit<8> y);\n"
                + "extern bool e();\n" + ARCH + "control c(inout bit<8> a, inout bool b) {\n    apply {\n" + body
                + "\n    }\n}\ntop(c()) main;\n";
    }

    @Test
    void argumentsFollowTheCallingConventionOfTheSpec() {
        String dump = dumpAfter(apply("f(a, g(a));"), "order-side-effects");
        assertEquals("""
                    apply {
                        bit<8> tmp = a;
                        bit<8> tmp_0 = g(a);
                        f(tmp, tmp_0);
                        a = tmp;
                    }
                }
                """, from(dump, "    apply {").replaceAll("(?s)top\\(c\\(\\)\\) main;\\n", ""));
    }

    @Test
    void anOperandReadBeforeACallThatMayChangeItIsSaved() {
        String dump = dumpAfter(apply("a = a + g(a);"), "order-side-effects");
        assertTrue(dump.contains("""
                        bit<8> tmp = a;
                        bit<8> tmp_0 = g(a);
                        a = tmp + tmp_0;
                """), dump);
    }

    @Test
    void anOperandACallCannotChangeIsNotSaved() {
        String dump = dumpAfter(apply("a = a + (e() ? 8w1 : 8w2);"), "order-side-effects");
        assertTrue(dump.contains("""
                        bool tmp = e();
                        a = a + (tmp ? 8w1 : 8w2);
                """), dump);
    }

    @Test
    void shortCircuitOperatorsStayLazy() {
        String dump = dumpAfter(apply("b = b && e();"), "order-side-effects");
        assertTrue(dump.contains("""
                        bool tmp = b;
                        if (tmp) {
                            bool tmp_0 = e();
                            tmp = tmp_0;
                        }
                        b = tmp;
                """), dump);
    }

    @Test
    void conditionalExpressionsEvaluateOneBranch() {
        String dump = dumpAfter(apply("a = b ? g(a) : 8w0;"), "order-side-effects");
        assertTrue(dump.contains("""
                        bit<8> tmp;
                        if (b) {
                            bit<8> tmp_0 = g(a);
                            tmp = tmp_0;
                        } else {
                            tmp = 8w0;
                        }
                        a = tmp;
                """), dump);
    }

    @Test
    void selectKeysAreEvaluatedAtTheEndOfTheState() {
        String dump = dumpAfter("""
                #include <core.p4>
                header h_t { bit<8> f; }
                parser p(packet_in pkt, out h_t h) {
                    state start {
                        transition select(pkt.lookahead<bit<8>>()) {
                            1: one;
                            default: accept;
                        }
                    }
                    state one { pkt.extract(h); transition accept; }
                }
                parser P(packet_in pkt, out h_t h);
                package top(P p);
                top(p()) main;
                """, "order-side-effects");
        assertTrue(dump.contains("""
                    state start {
                        bit<8> tmp = pkt.lookahead<bit<8>>();
                        transition select(tmp) {
                """), dump);
    }
}
