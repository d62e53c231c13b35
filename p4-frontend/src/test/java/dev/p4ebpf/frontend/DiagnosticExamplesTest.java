package dev.p4ebpf.frontend;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One example program per diagnostic code, in {@code src/test/resources/diagnostics/KEY.p4}: it must
 * produce that code, and everything it produces is compared with {@code KEY.expected}.
 */
class DiagnosticExamplesTest {
    static final Path DIR = Path.of("src/test/resources/diagnostics");

    /** Codes whose examples live elsewhere: notes ride on other diagnostics; the backends own "unsupported". */
    private static final Set<Code> ELSEWHERE = Set.of(Code.NOTE, Code.UNSUPPORTED, Code.FILE_TOO_LARGE,
            Code.FILE_UNREADABLE);

    @Test
    void everyCodeHasAnExample() {
        var missing = new ArrayList<String>();
        for (Code c : Code.values()) {
            if (!ELSEWHERE.contains(c) && !Files.exists(DIR.resolve(c.key() + ".p4"))) {
                missing.add(c.key());
            }
        }
        assertTrue(missing.isEmpty(), "no example program for " + missing);
    }

    @TestFactory
    Stream<DynamicTest> examples() throws IOException {
        List<Path> files;
        try (var s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".p4")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> example(f)));
    }

    private static void example(Path file) throws IOException {
        String key = file.getFileName().toString().replaceAll("\\.p4$", "");
        String name = "diagnostics/" + file.getFileName();
        FrontendResult r = Frontend.compile(file, name, FrontendOptions.defaults());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().key().equals(key)),
                name + " does not produce " + key + ": " + r.diagnostics());
        if (Code.byKey(key).severity() == dev.p4ebpf.ir.diag.Severity.ERROR) {
            assertFalse(r.ok(), name + " should not compile");
        }
        Golden.check(DIR.resolve(key + ".expected"), render(r.diagnostics()));
    }

    static String render(List<Diagnostic> diags) {
        var out = new StringBuilder();
        for (Diagnostic d : diags) {
            out.append(d.code().key()).append(' ').append(d.headline()).append('\n');
            d.notes().forEach(n -> out.append("  ").append(n.headline()).append('\n'));
        }
        return out.toString();
    }
}
