package dev.p4ebpf.conformance.midend;

import static dev.p4ebpf.conformance.midend.MidendSupport.dumpAfter;
import static dev.p4ebpf.conformance.midend.MidendSupport.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** specialize-generic-functions, specialize-blocks and specialize-generic-types. */
class SpecializationTest {

    @Test
    void genericTypesGetOneDeclarationPerTypeArgumentList() {
        String dump = dumpAfter("""
                struct Pair<T> { T a; T b; }
                header H<T> { T f; }
                struct Outer<T> { Pair<T> p; H<T> h; }
                control c(inout bit<8> x) {
                    apply {
                        Outer<bit<8>> o;
                        Pair<bit<8>> q;
                        Pair<bit<16>> r;
                        o.p.a = x;
                        q = o.p;
                        r.a = (bit<16>)q.b;
                        x = o.h.f;
                    }
                }
                control C(inout bit<8> x);
                package top(C c);
                top(c()) main;
                """, "specialize-generic-types");
        assertEquals("""
                struct Pair_bit8 {
                    bit<8> a;
                    bit<8> b;
                }
                header H_bit8 {
                    bit<8> f;
                }
                struct Outer_bit8 {
                    Pair_bit8 p;
                    H_bit8 h;
                }
                struct Pair_bit16 {
                    bit<16> a;
                    bit<16> b;
                }
                control c(inout bit<8> x) {
                    apply {
                        Outer_bit8 o;
                        Pair_bit8 q;
                        Pair_bit16 r;
                        o.p.a = x;
                        q = o.p;
                        r.a = (bit<16>)q.b;
                        x = o.h.f;
                    }
                }
                """, from(dump, "struct Pair_bit8").replaceAll("(?s)control C\\(.*", ""));
    }

    @Test
    void genericFunctionsAreCopiedPerTypeArguments() {
        String dump = dumpAfter("""
                T twice<T>(in T v) { return v; }
                T pick<T>(in bool c, in T a, in T b) { return c ? twice<T>(a) : b; }
                control c(inout bit<8> x, inout bit<16> y) {
                    apply {
                        x = pick<bit<8>>(true, x, 8w1);
                        y = pick(false, y, y);
                        x = twice(x);
                    }
                }
                control C(inout bit<8> x, inout bit<16> y);
                package top(C c);
                top(c()) main;
                """, "specialize-generic-functions");
        assertTrue(dump.contains("bit<8> twice_bit8(in bit<8> v)"), dump);
        assertTrue(dump.contains("bit<8> pick_bit8(in bool c, in bit<8> a, in bit<8> b)"), dump);
        assertTrue(dump.contains("return c ? twice_bit8(a) : b;"), dump);
        assertTrue(dump.contains("bit<16> pick_bit16("), dump);
        assertTrue(dump.contains("bit<16> twice_bit16(in bit<16> v)"), dump);
        assertTrue(dump.contains("x = pick_bit8(true, x, 8w1);"), dump);
        assertTrue(dump.contains("y = pick_bit16(false, y, y);"), dump);
        assertTrue(dump.indexOf("twice_bit16(in") < dump.indexOf("pick_bit16(in"), "callee first:\n" + dump);
    }

    @Test
    void topLevelConstructorArgumentsAreBound() {
        String dump = dumpAfter("""
                extern Y { Y(bit<32> b); bit<32> get(); }
                control c(out bit<32> x)(bit<32> k, bool twice, Y y) {
                    apply {
                        x = k + 1;
                        if (twice) { x = x + y.get(); }
                    }
                }
                control C(out bit<32> x);
                package top(C c);
                top(c(5, true, Y(7))) main;
                """, "specialize-blocks");
        assertEquals("""
                @name("c") control c_0(out bit<32> x) {
                    Y(32w7) y;
                    apply {
                        x = 32w6;
                        if (true) {
                            x = x + y.get();
                        }
                    }
                }
                top(c_0()) main;
                """, from(dump, "control c_0"));
    }

    @Test
    void genericControlsAreCopiedPerTypeArguments() {
        String dump = dumpAfter("""
                control inner<T>(inout T v) { apply { v = v; } }
                control outer(inout bit<8> x) {
                    inner<bit<8>>() i;
                    apply { i.apply(x); }
                }
                control C(inout bit<8> x);
                package top(C c);
                top(outer()) main;
                """, "specialize-blocks");
        assertTrue(dump.contains("@name(\"inner\") control inner_bit8(inout bit<8> v)"), dump);
        assertTrue(dump.contains("inner_bit8() i;"), dump);
        assertFalse(dump.contains("inner<bit<8>>"), dump);
    }
}
