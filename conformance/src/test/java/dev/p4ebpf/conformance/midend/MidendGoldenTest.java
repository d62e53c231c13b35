package dev.p4ebpf.conformance.midend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.midend.CheckMidendOutput;
import dev.p4ebpf.ir.midend.Midend;
import dev.p4ebpf.ir.pass.DumpPrinter;
import dev.p4ebpf.ir.pass.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our own programs through the whole midend: after every pass the program prints as P4 that the
 * frontend checks back to an equal program; the result keeps the midend output contract; and the
 * final dump matches its golden file ({@code midend/golden/NAME.p4}).
 */
class MidendGoldenTest {
    static final Path PROGRAMS = MidendSupport.RESOURCES.resolve("programs");
    static final Path GOLDEN = MidendSupport.RESOURCES.resolve("golden");

    static List<Path> programs() throws IOException {
        try (Stream<Path> s = Files.list(PROGRAMS)) {
            return s.filter(p -> p.toString().endsWith(".p4")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void everyPassChecksBackAndTheResultMatchesItsGolden(Path program) {
        Program front = MidendSupport.frontend(program);
        var diags = new Diagnostics();
        var failures = new ArrayList<String>();
        Pipeline.Result r = Midend.run(Midend.pipeline(), front, diags, (pass, i, p) -> {
            try {
                MidendSupport.assertChecksBack(p, front, pass.name());
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        });
        assertTrue(r.ok(), () -> "the midend reported errors:\n" + MidendSupport.errors(diags.all()));
        assertEquals(List.of(), failures);
        assertEquals(List.of(), CheckMidendOutput.violations(r.program()));
        String name = program.getFileName().toString();
        Goldens.check(GOLDEN.resolve(name), DumpPrinter.print(r.program(), front));
    }
}
