package dev.p4ebpf.conformance.midend;

import static dev.p4ebpf.conformance.midend.MidendSupport.dumpAfter;
import static dev.p4ebpf.conformance.midend.MidendSupport.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The lowerings: eliminate-tuples, bind-table-action-arguments, compute-table-keys,
 * lower-value-switches, expand-emits, simplify-call-arguments, flatten-struct-assignments,
 * move-declarations and qualify-control-plane-names.
 */
class LoweringTest {
    private static final String PROGRAM = """
            #include <core.p4>
            header h_t { bit<8> a; bit<8> b; }
            struct s_t { h_t h; bit<16> n; }
            extern void sink<T>(in T data);
            control C(inout s_t s, packet_out p);
            package top(C c);
            control c(inout s_t s, packet_out p) {
                action fwd(inout bit<16> n, bit<8> v) { n = n + (bit<16>)v; }
                table t {
                    key = { s.h.a & 0x0f : exact; s.h.isValid() : exact; }
                    actions = { fwd(s.n); }
                    default_action = fwd(s.n, 1);
                }
                apply {
                    tuple<bit<8>, bit<16>> pair = { s.h.a, s.n };
                    sink(pair);
                    sink({ s.h.b, 8w1 });
                    s_t copy = s;
                    copy.h = { 1, 2 };
                    s = copy;
                    t.apply();
                    p.emit(s.h);
                }
            }
            top(c()) main;
            """;

    @Test
    void tuplesBecomeStructs() {
        String dump = dumpAfter(PROGRAM, "eliminate-tuples");
        assertTrue(dump.contains("""
                struct tuple_0 {
                    bit<8> f0;
                    bit<16> f1;
                }
                struct tuple_1 {
                    bit<8> f0;
                    bit<8> f1;
                }
                """), dump);
        assertTrue(dump.contains("""
                        tuple_0 pair = (tuple_0){f0 = s.h.a, f1 = s.n};
                        sink<tuple_0>(pair);
                        sink<tuple_1>((tuple_1){f0 = s.h.b, f1 = 8w1});
                """), dump);
    }

    @Test
    void boundTableArgumentsMoveIntoACopyOfTheAction() {
        String dump = dumpAfter(PROGRAM, "bind-table-action-arguments");
        assertTrue(dump.contains("""
                    @name("fwd") action fwd_0(bit<8> v) {
                        s.n = s.n + (bit<16>)v;
                    }
                """), dump);
        assertTrue(dump.contains("""
                        actions = {
                            fwd_0;
                        }
                        default_action = fwd_0(8w1);
                """), dump);
    }

    @Test
    void computedKeysAreAssignedBeforeTheApplicationAndKeepTheirNames() {
        String dump = dumpAfter(PROGRAM, "compute-table-keys");
        assertTrue(dump.contains("""
                        key = {
                            t_key: exact @name("s.h.a & 8w15");
                            t_key_0: exact @name("s.h.isValid()");
                        }
                """), dump);
        assertTrue(dump.contains("""
                        t_key = s.h.a & 8w15;
                        t_key_0 = s.h.isValid();
                        t.apply();
                """), dump);
    }

    @Test
    void theEndResultHasOnlySimpleStatements() {
        String dump = dumpAfter(PROGRAM, "check-midend-output");
        assertEquals("""
                control c(inout s_t s, packet_out p) {
                    @name(".c.fwd") action fwd_0(bit<8> v) {
                        s.n = s.n + (bit<16>)v;
                    }
                    bit<8> t_key;
                    bool t_key_0;
                    @name(".c.t") table t {
                        key = {
                            t_key: exact @name("s.h.a & 8w15");
                            t_key_0: exact @name("s.h.isValid()");
                        }
                        actions = {
                            fwd_0;
                        }
                        default_action = fwd_0(8w1);
                    }
                    tuple_0 pair;
                    s_t copy;
                    tuple_1 arg;
                    apply {
                        pair.f0 = s.h.a;
                        pair.f1 = s.n;
                        sink<tuple_0>(pair);
                        arg.f0 = s.h.b;
                        arg.f1 = 8w1;
                        sink<tuple_1>(arg);
                        copy.h = s.h;
                        copy.n = s.n;
                        copy.h.setValid();
                        copy.h.a = 8w1;
                        copy.h.b = 8w2;
                        s.h = copy.h;
                        s.n = copy.n;
                        t_key = s.h.a & 8w15;
                        t_key_0 = s.h.isValid();
                        t.apply();
                        p.emit<h_t>(s.h);
                    }
                }
                top(c()) main;
                """, from(dump, "control c("));
    }

    @Test
    void aSwitchOnAValueBecomesAnIfChain() {
        String dump = dumpAfter("""
                #include <core.p4>
                control C(inout bit<8> x, in bit<8> y);
                package top(C c);
                control c(inout bit<8> x, in bit<8> y) {
                    apply {
                        switch (y + 1) {
                            1:
                            2: { x = 1; }
                            4: { x = 4; }
                            default: { x = 3; }
                        }
                    }
                }
                top(c()) main;
                """, "lower-value-switches");
        assertEquals("""
                    apply {
                        switch_subject = y + 8w1;
                        if (switch_subject == 8w1 || switch_subject == 8w2) {
                            x = 8w1;
                        } else if (switch_subject == 8w4) {
                            x = 8w4;
                        } else {
                            x = 8w3;
                        }
                    }
                """.replace("switch_subject = ", "bit<8> switch_subject = "),
                from(dump, "    apply {").replaceAll("(?s)\\}\\ntop\\(.*", ""));
    }

    @Test
    void tuplesOfMatchKindsStayTuples() {
        String dump = dumpAfter("""
                #include <core.p4>
                extern Lookup<M> {
                    Lookup(M kinds);
                    bit<8> get(in bit<8> k);
                }
                control C(inout bit<8> x);
                package top(C c);
                control c(inout bit<8> x) {
                    Lookup<tuple<match_kind>>({ exact }) l;
                    apply { x = l.get(x); }
                }
                top(c()) main;
                """, "eliminate-tuples");
        assertEquals("""
                control c(inout bit<8> x) {
                    Lookup<tuple<match_kind>>({exact}) l;
                """, from(dump, "control c(").replaceAll("(?s)    apply.*", ""));
    }
}
