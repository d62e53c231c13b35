package dev.p4ebpf.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.frontend.source.SourceFile;
import dev.p4ebpf.ir.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/** {@code #line} and GNU {@code # N "file"} directives move where diagnostics point. */
class LineDirectiveTest {
    private static Diagnostic firstError(String text) {
        return Frontend.compile(new SourceFile("input.p4", text), FrontendOptions.defaults()).diagnostics().stream()
                .filter(Diagnostic::isError).findFirst().orElseThrow();
    }

    @Test
    void lineDirectiveWithFile() {
        Diagnostic d = firstError("#line 100 \"generated.p4\"\ncontrol c() { apply { y = 1; } }\n");
        assertEquals("generated.p4:100:23", d.span().toString());
    }

    @Test
    void gnuLineMarker() {
        Diagnostic d = firstError("# 7 \"orig.p4\"\n\ncontrol c() { apply { y = 1; } }\n");
        assertEquals("orig.p4:8:23", d.span().toString());
    }

    @Test
    void lineDirectiveWithoutFileKeepsTheFile() {
        Diagnostic d = firstError("#line 40\ncontrol c() { apply { y = 1; } }\n");
        assertEquals("input.p4:40:23", d.span().toString());
    }

    @Test
    void directivesInInactiveBranchesAreIgnored() {
        Diagnostic d = firstError("#if 0\n#line 500 \"x.p4\"\n#endif\ncontrol c() { apply { y = 1; } }\n");
        assertEquals("input.p4:4:23", d.span().toString());
    }
}
