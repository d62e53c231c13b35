package dev.p4ebpf.ir.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.CompilerBug;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class PipelineTest {
    private static Pass pass(String name, BiFunction<Program, PassContext, Program> f) {
        return new Pass() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String summary() {
                return "test pass " + name;
            }

            @Override
            public Program apply(Program program, PassContext context) {
                return f.apply(program, context);
            }
        };
    }

    private static final Program EMPTY = new Program(List.of());

    @Test
    void passNamesAreUnique() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Pipeline("p", List.of(pass("a", (p, c) -> p), pass("a", (p, c) -> p))));
        assertEquals("pipeline p lists pass a twice", e.getMessage());
    }

    @Test
    void theObserverSeesEveryPassAndRunningStopsAfterAnError() {
        var seen = new ArrayList<String>();
        var pipeline = new Pipeline("p", List.of(pass("one", (p, c) -> p), pass("two", (p, c) -> {
            c.diagnostics().report(Code.UNSUPPORTED, Span.NONE, "this", "a test");
            return p;
        }), pass("three", (p, c) -> p)));
        var diags = new Diagnostics();
        Pipeline.Result r = pipeline.run(EMPTY, diags, (pass, i, prog) -> seen.add(i + ":" + pass.name()));
        assertEquals(List.of("0:one", "1:two"), seen);
        assertFalse(r.ok());
        assertEquals("two", r.failedAt().orElseThrow().name());
    }

    @Test
    void upToEndsWithTheNamedPass() {
        var pipeline = new Pipeline("p", List.of(pass("one", (p, c) -> p), pass("two", (p, c) -> p),
                pass("three", (p, c) -> p)));
        assertEquals(List.of("one", "two"), pipeline.upTo("two").names());
        assertThrows(IllegalArgumentException.class, () -> pipeline.upTo("four"));
    }

    @Test
    void aFailingPassIsACompilerBugNamingIt() {
        var pipeline = new Pipeline("p", List.of(pass("boom", (p, c) -> {
            throw new IllegalStateException("broken");
        })));
        var bug = assertThrows(CompilerBug.class, () -> pipeline.run(EMPTY, new Diagnostics()));
        assertEquals("in pass boom: java.lang.IllegalStateException: broken", bug.getMessage());
    }

    @Test
    void theListingNumbersAndAlignsThePasses() {
        var pipeline = new Pipeline("p", List.of(pass("a", (p, c) -> p), pass("longer", (p, c) -> p)));
        assertEquals(" 1  a       test pass a\n 2  longer  test pass longer\n", pipeline.listing());
        assertTrue(pipeline.run(EMPTY, new Diagnostics()).ok());
    }
}
