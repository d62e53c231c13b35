package dev.p4ebpf.conformance.midend;

import static dev.p4ebpf.conformance.midend.MidendSupport.frontend;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ir.midend.CheckMidendOutput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** check-midend-output finds what the contract excludes (here, in the frontend's output). */
class CheckMidendOutputTest {
    @Test
    void theFrontendsOutputBreaksTheContractWhereTheMidendHasWorkToDo() {
        var program = frontend("""
                #include <core.p4>
                header h_t { bit<8> f; }
                struct s_t { h_t h; }
                bit<8> inc(in bit<8> v) { return v + 1; }
                control inner(inout s_t s) { apply { s.h.f = inc(s.h.f); } }
                control c(inout s_t s) {
                    inner() i;
                    apply {
                        i.apply(s);
                        if (s.h.f == 0) { exit; }
                        s = { { 1 } };
                    }
                }
                control C(inout s_t s);
                package top(C c);
                top(c()) main;
                """);
        List<String> found = CheckMidendOutput.violations(program).stream()
                .map(v -> v.span().line() + ": " + v.what() + " (" + v.rule() + ")").toList();
        assertEquals(List.of(
                "4: function inc (functions are inlined)",
                "5: a call inside an expression (calls are statements)",
                "7: instance i of a parser or control (sub-parsers and controls are inlined)",
                "7: i without an absolute @name (control-plane names are qualified)",
                "9: an apply of a parser or control (sub-blocks are inlined)",
                "10: exit (exits become flags)",
                "11: an assignment of type s_t (aggregates are assigned part by part)",
                "11: a struct or header value (values are assigned part by part)"), found);
    }
}
