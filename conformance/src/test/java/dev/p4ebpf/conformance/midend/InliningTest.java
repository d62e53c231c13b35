package dev.p4ebpf.conformance.midend;

import static dev.p4ebpf.conformance.midend.MidendSupport.dumpAfter;
import static dev.p4ebpf.conformance.midend.MidendSupport.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** inline-functions, inline-actions, inline-controls and inline-parsers. */
class InliningTest {
    private static final String PROGRAM = """
            #include <core.p4>
            header h_t { bit<8> f; bit<8> g; }
            struct hs_t { h_t a; h_t b; }
            bit<8> clamp(in bit<8> v, in bit<8> hi) {
                if (v > hi) {
                    return hi;
                }
                return v;
            }
            control inner(inout h_t h, in bit<8> limit) {
                action set(bit<8> v) { h.f = clamp(v, limit); }
                table t {
                    key = { h.g : exact; }
                    actions = { set; }
                }
                apply {
                    if (!h.isValid()) {
                        exit;
                    }
                    t.apply();
                }
            }
            control outer(inout hs_t hs) {
                inner() i1;
                action both(inout bit<8> x, in bit<8> y) {
                    x = x + y;
                    hs.b.g = x;
                }
                apply {
                    i1.apply(hs.a, 8w10);
                    i1.apply(hs.b, hs.a.f);
                    both(hs.a.g, hs.a.f);
                    both(hs.b.g, 8w1);
                }
            }
            control C(inout hs_t hs);
            package top(C c);
            top(outer()) main;
            """;

    @Test
    void functionsBecomeStructuredBlocksWithTheirArgumentsInPlace() {
        String dump = dumpAfter(PROGRAM, "inline-functions");
        assertTrue(dump.contains("""
                    action set(bit<8> v) {
                         {
                            bool returned = false;
                            if (v > limit) {
                                h.f = limit;
                                returned = true;
                            }
                            if (!returned) {
                                h.f = v;
                                returned = true;
                            }
                        }
                    }
                """), dump);
    }

    @Test
    void actionCallsCopyWhatTheBodyCouldSeeChange() {
        String dump = dumpAfter(PROGRAM, "inline-actions");
        assertTrue(dump.contains("""
                         {
                            bit<8> x_0 = hs.a.g;
                            bit<8> y_0 = hs.a.f;
                            x_0 = x_0 + y_0;
                            hs.b.g = x_0;
                            hs.a.g = x_0;
                        }
                         {
                            bit<8> x_1 = hs.b.g;
                            x_1 = x_1 + 8w1;
                            hs.b.g = x_1;
                            hs.b.g = x_1;
                        }
                """), dump);
    }

    @Test
    void aControlAppliedTwiceIsHoistedOnceAndCopiesResultsBackEvenOnExit() {
        String dump = dumpAfter(PROGRAM, "inline-controls");
        String outer = from(dump, "control outer");
        assertTrue(outer.startsWith("""
                control outer(inout hs_t hs) {
                    h_t i1_h;
                    bit<8> i1_limit;
                    bool i1_exited;
                    @name("i1.set") action i1_set(bit<8> v) {
                """), outer);
        assertTrue(outer.contains("""
                    @name("i1.t") table i1_t {
                        key = {
                            i1_h.g: exact @name("h.g");
                        }
                """), outer);
        assertTrue(outer.contains("""
                         {
                            i1_h = hs.b;
                            i1_limit = hs.a.f;
                            i1_exited = false;
                            if (!i1_h.isValid()) {
                                i1_exited = true;
                            }
                            if (!i1_exited) {
                                i1_t.apply();
                            }
                            hs.b = i1_h;
                            if (i1_exited) {
                                exit;
                            }
                        }
                """), outer);
        String later = dumpAfter(PROGRAM, "remove-inlined-declarations");
        assertFalse(later.contains("control inner") || later.contains("clamp("), "inlined declarations stay:\n" + later);
    }

    @Test
    void aControlAppliedOnceTakesItsArgumentsInPlace() {
        String dump = dumpAfter("""
                #include <core.p4>
                control inner(inout bit<8> v, out bool big) {
                    apply {
                        big = v > 100;
                        v = v + 1;
                    }
                }
                control outer(inout bit<8> x, out bool b) {
                    inner() i;
                    apply { i.apply(x, b); }
                }
                control C(inout bit<8> x, out bool b);
                package top(C c);
                top(outer()) main;
                """, "remove-inlined-declarations");
        assertEquals("""
                control outer(inout bit<8> x, out bool b) {
                    apply {
                         {
                            b = x > 8w100;
                            x = x + 8w1;
                        }
                    }
                }
                """, from(dump, "control outer").replaceAll("(?s)control C\\(.*", ""));
    }

    @Test
    void aSubParserSplitsTheCallingStateAndCopiesBackOnAccept() {
        String dump = dumpAfter("""
                #include <core.p4>
                header h_t { bit<8> f; }
                parser sub(packet_in p, out h_t h) {
                    state start { p.extract(h); transition select(h.f) { 0: reject; default: accept; } }
                }
                parser top_p(packet_in p, out h_t a, out bit<8> n) {
                    sub() s;
                    state start {
                        n = 1;
                        s.apply(p, a);
                        n = 2;
                        transition accept;
                    }
                }
                parser P(packet_in p, out h_t a, out bit<8> n);
                package top(P p);
                top(top_p()) main;
                """, "inline-parsers");
        assertEquals("""
                parser top_p(packet_in p, out h_t a, out bit<8> n) {
                    h_t sub_h;
                    state start {
                        n = 8w1;
                        h_t sub_h_init;
                        sub_h = sub_h_init;
                        transition s_start;
                    }
                    state s_start {
                        p.extract<h_t>(sub_h);
                        transition select(sub_h.f) {
                            8w0: reject;
                            default: start_after_s;
                        }
                    }
                    state start_after_s {
                        a = sub_h;
                        n = 8w2;
                        transition accept;
                    }
                }
                """, from(dump, "parser top_p").replaceAll("(?s)parser P\\(.*", ""));
    }

    @Test
    void aConstructorParameterOfTheHostPassedOnToAnInstanceStaysTheHosts() {
        String dump = dumpAfter("""
                #include <core.p4>
                control inner(inout bit<8> x)(bit<8> k) {
                    apply { x = x + k; }
                }
                control middle(inout bit<8> x)(bit<8> k) {
                    inner(k) i;
                    apply { i.apply(x); }
                }
                control outer(inout bit<8> x) {
                    middle(8w3) m1;
                    middle(8w4) m2;
                    apply { m1.apply(x); m2.apply(x); }
                }
                control C(inout bit<8> x);
                package top(C c);
                top(outer()) main;
                """, "inline-controls");
        assertEquals("""
                control middle(inout bit<8> x)(bit<8> k) {
                    apply {
                         {
                            x = x + k;
                        }
                    }
                }
                """, from(dump, "control middle").replaceAll("(?s)control outer.*", ""));
    }

    @Test
    void argumentsThatAliasAreCopiedOutInParameterOrder() {
        String dump = dumpAfter("""
                #include <core.p4>
                header h_t { bit<8> a; bit<8> b; }
                control c(inout h_t h) {
                    action three(inout bit<8> x, inout bit<8> y, inout bit<8> z) {
                        y = 2;
                        z = 0;
                    }
                    apply { three(h.b, h.b, h.b); }
                }
                control C(inout h_t h);
                package top(C c);
                top(c()) main;
                """, "inline-actions");
        assertEquals("""
                    apply {
                         {
                            bit<8> x_0 = h.b;
                            bit<8> y_0 = h.b;
                            bit<8> z_0 = h.b;
                            y_0 = 8w2;
                            z_0 = 8w0;
                            h.b = x_0;
                            h.b = y_0;
                            h.b = z_0;
                        }
                    }
                """, from(dump, "    apply {").replaceAll("(?s)\\}\\ncontrol C\\(.*", ""));
    }
}
