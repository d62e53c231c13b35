package dev.p4ebpf.conformance.midend;

import static dev.p4ebpf.conformance.midend.MidendSupport.dumpAfter;
import static dev.p4ebpf.conformance.midend.MidendSupport.from;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** lower-table-applies: the three shapes of table application. */
class LowerTableAppliesTest {
    @Test
    void missHitValuesAndActionRunSwitchesTakeTheCanonicalShapes() {
        String dump = dumpAfter("""
                #include <core.p4>
                control C(inout bit<8> x);
                package top(C c);
                control c(inout bit<8> x) {
                    action a() { x = 1; }
                    action b() { x = 2; }
                    action d() { x = 3; }
                    table t {
                        key = { x : exact; }
                        actions = { a; b; d; }
                    }
                    apply {
                        if (t.apply().miss) { x = 4; }
                        bool h = t.apply().hit;
                        if (!h) { x = 5; }
                        switch (t.apply().action_run) {
                            a: { x = 6; }
                            default: { x = 7; }
                        }
                        switch (t.apply().action_run) {
                            b: { x = 8; }
                        }
                    }
                }
                top(c()) main;
                """, "lower-table-applies");
        assertEquals("""
                    apply {
                        if (t.apply().hit) {
                        } else {
                            x = 8w4;
                        }
                        if (t.apply().hit) {
                            h = true;
                        } else {
                            h = false;
                        }
                        if (!h) {
                            x = 8w5;
                        }
                        switch (t.apply().action_run) {
                            a: {
                                x = 8w6;
                            }
                            b:
                            d: {
                                x = 8w7;
                            }
                        }
                        switch (t.apply().action_run) {
                            b: {
                                x = 8w8;
                            }
                            a: {
                            }
                            d: {
                            }
                        }
                    }
                }
                top(c()) main;
                """, from(dump, "    apply {"));
    }
}
