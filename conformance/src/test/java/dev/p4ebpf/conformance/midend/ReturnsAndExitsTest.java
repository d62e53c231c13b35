package dev.p4ebpf.conformance.midend;

import static dev.p4ebpf.conformance.midend.MidendSupport.dumpAfter;
import static dev.p4ebpf.conformance.midend.MidendSupport.from;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** remove-returns and remove-exits: flags and guards instead of early terminations. */
class ReturnsAndExitsTest {
    @Test
    void returnsAndExitsBecomeFlagsGuardingWhatFollows() {
        String dump = dumpAfter("""
                #include <core.p4>
                control C(inout bit<8> x);
                package top(C c);
                control c(inout bit<8> x) {
                    action stop() { x = 0; exit; }
                    action keep() { x = x + 1; }
                    table t { key = { x : exact; } actions = { stop; keep; } }
                    apply {
                        if (x == 1) {
                            return;
                        }
                        t.apply();
                        x = x + 2;
                        if (x == 5) {
                            exit;
                        }
                        x = 9;
                    }
                }
                top(c()) main;
                """, "remove-exits");
        assertEquals("""
                control c(inout bit<8> x) {
                    bool exited = false;
                    action stop() {
                        x = 8w0;
                        exited = true;
                    }
                    action keep() {
                        x = x + 8w1;
                    }
                    table t {
                        key = {
                            x: exact @name("x");
                        }
                        actions = {
                            stop;
                            keep;
                        }
                    }
                    apply {
                        bool returned = false;
                        if (x == 8w1) {
                            returned = true;
                        }
                        if (!returned) {
                            t.apply();
                            if (!exited) {
                                x = x + 8w2;
                                if (x == 8w5) {
                                    exited = true;
                                }
                                if (!exited) {
                                    x = 8w9;
                                }
                            }
                        }
                    }
                }
                top(c()) main;
                """, from(dump, "control c("));
    }

    @Test
    void aReturnAtTheEndNeedsNoFlag() {
        String dump = dumpAfter("""
                #include <core.p4>
                control C(inout bit<8> x);
                package top(C c);
                control c(inout bit<8> x) {
                    apply {
                        if (x == 1) {
                            x = 2;
                            return;
                        } else {
                            x = 3;
                        }
                    }
                }
                top(c()) main;
                """, "remove-returns");
        assertEquals("""
                    apply {
                        if (x == 8w1) {
                            x = 8w2;
                        } else {
                            x = 8w3;
                        }
                    }
                """, from(dump, "    apply {").replaceAll("(?s)\\}\\ntop\\(.*", ""));
    }

    @Test
    void anExitingTableGuardsTheBranchesOfItsIfAndTheCasesOfItsSwitch() {
        String dump = dumpAfter("""
                #include <core.p4>
                control C(inout bit<8> x);
                package top(C c);
                control c(inout bit<8> x) {
                    action stop() { exit; }
                    action go() { }
                    table t { key = { x : exact; } actions = { stop; go; } }
                    apply {
                        if (t.apply().hit) { x = 1; }
                        switch (t.apply().action_run) {
                            go: { x = 2; }
                            stop: { x = 3; }
                        }
                    }
                }
                top(c()) main;
                """, "remove-exits");
        assertEquals("""
                    apply {
                        if (t.apply().hit) {
                            if (!exited) {
                                x = 8w1;
                            }
                        }
                        if (!exited) {
                            switch (t.apply().action_run) {
                                go: {
                                    if (!exited) {
                                        x = 8w2;
                                    }
                                }
                                stop: {
                                    if (!exited) {
                                        x = 8w3;
                                    }
                                }
                            }
                        }
                    }
                """, from(dump, "    apply {").replaceAll("(?s)\\}\\ntop\\(.*", ""));
    }
}
