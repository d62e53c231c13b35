package dev.p4ebpf.conformance.midend;

import static dev.p4ebpf.conformance.midend.MidendSupport.dumpAfter;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** name-table-keys and qualify-control-plane-names, through inlining. */
class ControlPlaneNamesTest {
    @Test
    void namesArePrefixedByInstancePathsAndAbsoluteOnesStay() {
        String dump = dumpAfter("""
                #include <core.p4>
                control inner(inout bit<8> x) {
                    @name("renamed") action a() { x = 1; }
                    @name(".global_b") action b() { x = 2; }
                    table t { key = { x : exact @name("key"); } actions = { a; b; } }
                    table u { key = { x + 1 : exact; } actions = { a; } }
                    apply { t.apply(); u.apply(); }
                }
                control outer(inout bit<8> x) {
                    inner() in1;
                    apply { in1.apply(x); }
                }
                control C(inout bit<8> x);
                package top(C c);
                top(outer()) main;
                """, "check-midend-output");
        assertTrue(dump.contains("@name(\".outer.in1.renamed\") action in1_a()"), dump);
        assertTrue(dump.contains("@name(\".global_b\") action in1_b()"), dump);
        assertTrue(dump.contains("@name(\".outer.in1.t\") table in1_t"), dump);
        assertTrue(dump.contains("x: exact @name(\"key\");"), dump);
        assertTrue(dump.contains("exact @name(\"x + 8w1\");"), dump);
    }

    @Test
    void aKeyIsNamedAsWrittenWithConstantIndicesAsPlainNumbers() {
        String dump = dumpAfter("""
                #include <core.p4>
                header h_t { bit<8> f; }
                struct s_t { h_t[2] hs; bit<16> w; }
                control c(inout s_t s) {
                    action a() { }
                    table t { key = { s.hs[1].f : exact; s.w[7:0] : exact; s.hs[0].isValid() : exact; } actions = { a; } }
                    apply { t.apply(); }
                }
                control C(inout s_t s);
                package top(C c);
                top(c()) main;
                """, "name-table-keys");
        assertTrue(dump.contains("s.hs[32w1].f: exact @name(\"s.hs[1].f\");"), dump);
        assertTrue(dump.contains("s.w[7:0]: exact @name(\"s.w[7:0]\");"), dump);
        assertTrue(dump.contains("s.hs[32w0].isValid(): exact @name(\"s.hs[0].isValid()\");"), dump);
    }
}
