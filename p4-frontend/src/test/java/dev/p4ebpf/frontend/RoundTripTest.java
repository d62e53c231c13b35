package dev.p4ebpf.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.frontend.source.SourceFile;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.print.P4Printer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Printing a checked program and checking the printed text again gives an equal program (spans
 * aside): over the examples, our test programs, and the programs of the diagnostics examples that
 * compile.
 */
class RoundTripTest {
    static List<Path> programs() throws IOException {
        var dirs = List.of(Path.of("../examples"), Path.of("src/test/resources/programs"), DiagnosticExamplesTest.DIR);
        var out = new java.util.ArrayList<Path>();
        for (Path d : dirs) {
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.walk(d)) {
                    s.filter(p -> p.toString().endsWith(".p4")).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> printedProgramsCheckToEqualPrograms() throws IOException {
        return programs().stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> roundTrip(p)));
    }

    static void roundTrip(Path p) {
        FrontendResult first = Frontend.compile(p, p.toString(), FrontendOptions.defaults());
        if (!first.ok()) {
            return; // the diagnostics examples that do not compile are covered by their own test
        }
        Program program = first.program().get();
        String printed = P4Printer.print(program);
        FrontendResult second = Frontend.compile(new SourceFile("printed-" + p.getFileName(), printed),
                FrontendOptions.defaults());
        assertTrue(second.ok(), () -> "the printed program does not check: " + second.diagnostics() + "\n" + printed);
        assertEquals(program, second.program().get(), "printing and re-checking changed the program");
        assertEquals(printed, P4Printer.print(second.program().get()), "printing is not stable");
    }
}
