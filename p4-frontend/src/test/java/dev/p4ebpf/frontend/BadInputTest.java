package dev.p4ebpf.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.frontend.source.SourceFile;
import dev.p4ebpf.ir.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that is not a program gets one clear, positioned error — never an exception or a hang. The
 * time limits only guard against hangs; they are far above what the cases take.
 */
class BadInputTest {
    private static final Duration NO_HANG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static FrontendResult compile(Path p) {
        return assertTimeoutPreemptively(NO_HANG, () -> Frontend.compile(p, p.getFileName().toString(),
                FrontendOptions.defaults()));
    }

    private static FrontendResult compile(String name, String text) {
        return assertTimeoutPreemptively(NO_HANG, () -> Frontend.compile(new SourceFile(name, text),
                FrontendOptions.defaults()));
    }

    private static void rejectedWith(FrontendResult r, String key) {
        assertFalse(r.ok());
        Diagnostic first = r.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertEquals(key, first.code().key(), () -> "diagnostics: " + r.diagnostics());
        assertFalse(first.span().isNone(), "the error has a position");
    }

    @Test
    void binaryGarbage() throws IOException {
        var bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        Path p = dir.resolve("garbage.p4");
        Files.write(p, bytes);
        rejectedWith(compile(p), "input.not-text");
    }

    @Test
    void tenMegabyteFile() throws IOException {
        Path p = dir.resolve("huge.p4");
        Files.writeString(p, "// padding\n".repeat(1 << 20));
        rejectedWith(compile(p), "input.too-large");
    }

    @Test
    void missingFile() {
        rejectedWith(compile(dir.resolve("nowhere.p4")), "input.unreadable");
    }

    @Test
    void directoryInsteadOfFile() {
        rejectedWith(compile(dir), "input.unreadable");
    }

    @Test
    void unterminatedComment() {
        rejectedWith(compile("c.p4", "control c() { apply {} }\n/* never closed\n"), "syntax.unterminated-comment");
    }

    @Test
    void unterminatedString() {
        rejectedWith(compile("s.p4", "@name(\"open\ncontrol c() { apply {} }\n"), "syntax.unterminated-string");
    }

    @Test
    void tenThousandNestedParentheses() {
        String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
        rejectedWith(compile("deep.p4", "const bit<8> x = " + deep + ";\n"), "syntax.nesting-too-deep");
    }

    @Test
    void tenThousandNestedBlocks() {
        String deep = "{".repeat(10_000) + "}".repeat(10_000);
        rejectedWith(compile("blocks.p4", "control c() { apply " + deep + " }\n"), "syntax.nesting-too-deep");
    }

    @Test
    void longOperatorChainsCompile() {
        String chain = "1" + " + 1".repeat(20_000);
        FrontendResult r = compile("chain.p4", "const int x = " + chain + ";\n");
        assertTrue(r.ok(), () -> r.diagnostics().toString());
    }

    @Test
    void tenThousandNestedUnaryMinuses() {
        FrontendResult r = compile("unary.p4", "const int x = " + "- ".repeat(10_000) + "1;\n");
        assertTrue(r.ok() || r.diagnostics().getFirst().code().key().equals("syntax.nesting-too-deep"),
                () -> "neither compiled nor refused as too deep: " + r.diagnostics());
    }

    @Test
    void includeCycle() throws IOException {
        Files.writeString(dir.resolve("a.p4"), "#include \"b.p4\"\n");
        Files.writeString(dir.resolve("b.p4"), "#include \"a.p4\"\n");
        rejectedWith(compile(dir.resolve("a.p4")), "preprocessor.include-cycle");
    }

    @Test
    void missingInclude() throws IOException {
        Path p = dir.resolve("m.p4");
        Files.writeString(p, "#include <core.p4>\n#include \"absent.p4\"\n");
        rejectedWith(compile(p), "preprocessor.include-not-found");
    }

    @Test
    void controlCharacter() {
        rejectedWith(compile("ctl.p4", "control c() {\n  apply { \u0007 }\n}\n"), "syntax.bad-character");
    }
}
