package dev.p4ebpf.conformance.midend;

import static dev.p4ebpf.conformance.midend.MidendSupport.dumpAfter;
import static dev.p4ebpf.conformance.midend.MidendSupport.from;
import static dev.p4ebpf.conformance.midend.MidendSupport.frontend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.p4ebpf.ir.diag.Diagnostic;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.midend.Midend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** unroll-parser-loops and unroll-loops, with the diagnostics for loops that cannot be bounded. */
class LoopsTest {
    @Test
    void aParserLoopOverAStackBecomesOneStatePerElementAndRejectsWhenFull() {
        String dump = dumpAfter("""
                #include <core.p4>
                header h_t { bit<8> f; }
                struct s_t { h_t[2] hs; }
                parser p(packet_in pkt, out s_t s) {
                    state start {
                        pkt.extract(s.hs.next);
                        transition select(s.hs.last.f) { 0: accept; default: start; }
                    }
                }
                parser P(packet_in pkt, out s_t s);
                package top(P p);
                top(p()) main;
                """, "unroll-parser-loops");
        assertEquals("""
                parser p(packet_in pkt, out s_t s) {
                    state start {
                        pkt.extract<h_t>(s.hs[32w0]);
                        transition select(s.hs[32w0].f) {
                            8w0: accept;
                            default: start_0;
                        }
                    }
                    state start_0 {
                        pkt.extract<h_t>(s.hs[32w1]);
                        transition select(s.hs[32w1].f) {
                            8w0: accept;
                            default: start_1;
                        }
                    }
                    state start_1 {
                        verify(false, error.StackOutOfBounds);
                        transition reject;
                    }
                }
                """, from(dump, "parser p(").replaceAll("(?s)parser P\\(.*", ""));
    }

    @Test
    void aParserLoopThatDoesNotWalkAStackIsReportedWithItsState() {
        var program = frontend("""
                #include <core.p4>
                header h_t { bit<8> f; }
                parser p(packet_in pkt, out h_t h) {
                    state start {
                        pkt.extract(h);
                        transition select(h.f) { 0: accept; default: again; }
                    }
                    state again { transition start; }
                }
                parser P(packet_in pkt, out h_t h);
                package top(P p);
                top(p()) main;
                """);
        var diags = new Diagnostics();
        var r = Midend.run(program, diags);
        assertFalse(r.ok());
        List<String> errors = diags.all().stream().filter(Diagnostic::isError).map(Diagnostic::headline).toList();
        assertEquals(List.of("test.p4:4:5: error: the loop through state start of parser p is not supported: it does "
                + "not walk a header stack with .next or .last, so it cannot be bounded and unrolled; parse a bounded "
                + "number of repetitions with a header stack instead"), errors);
        assertEquals("unroll-parser-loops", r.failedAt().orElseThrow().name());
    }

    @Test
    void forLoopsAreUnrolledWithContinueAndBreakAsFlags() {
        String dump = dumpAfter("""
                #include <core.p4>
                header h_t { bit<8> f; bit<8> n; }
                control C(inout h_t h);
                package top(C c);
                control c(inout h_t h) {
                    apply {
                        for (bit<8> j in 1 .. 2) {
                            h.f = h.f ^ j;
                            if (h.f == 0) { break; }
                        }
                    }
                }
                top(c()) main;
                """, "unroll-loops");
        assertEquals("""
                    apply {
                         {
                            bit<8> j;
                            bool loop_done = false;
                             {
                                j = 8w1;
                                h.f = h.f ^ j;
                                if (h.f == 8w0) {
                                    loop_done = true;
                                }
                            }
                            if (!loop_done) {
                                 {
                                    j = 8w2;
                                    h.f = h.f ^ j;
                                    if (h.f == 8w0) {
                                        loop_done = true;
                                    }
                                }
                            }
                        }
                    }
                """, from(dump, "    apply {").replaceAll("(?s)\\}\\ntop\\(.*", ""));
    }

    @Test
    void aLoopWhoseIterationsCannotBeComputedIsReported() {
        var program = frontend("""
                #include <core.p4>
                header h_t { bit<32> n; bit<32> s; }
                control C(inout h_t h);
                package top(C c);
                control c(inout h_t h) {
                    apply {
                        for (bit<32> i = 0; i < h.n; i = i + 1) {
                            h.s = h.s + i;
                        }
                    }
                }
                top(c()) main;
                """);
        var diags = new Diagnostics();
        assertFalse(Midend.run(program, diags).ok());
        assertEquals(List.of("test.p4:7:9: error: this for loop is not supported: it would need more than 256 copies "
                        + "of its body"),
                diags.all().stream().filter(Diagnostic::isError).map(Diagnostic::headline).toList());
    }
}
