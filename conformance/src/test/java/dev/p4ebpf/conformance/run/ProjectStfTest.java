package dev.p4ebpf.conformance.run;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.p4ebpf.conformance.stf.StfException;
import dev.p4ebpf.conformance.stf.StfParser;
import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.frontend.FrontendResult;
import dev.p4ebpf.ir.diag.Diagnostic;
import dev.p4ebpf.ir.diag.Severity;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the project's own STF tests (the {@code .p4}/{@code .stf} pairs directly in the test
 * resources' stf directory, written by hand for the constructs the interpreter must get right)
 * on the interpreter; each must pass, every expected packet met and no packet left unexpected.
 */
class ProjectStfTest {
    /** The fewest pairs the directory holds; fewer means the test lost its inputs. */
    private static final int AT_LEAST = 10;

    private static Path directory() throws URISyntaxException {
        URL url = ProjectStfTest.class.getResource("/stf");
        assertTrue(url != null, "no stf directory among the test resources");
        return Path.of(url.toURI());
    }

    private static List<Path> programs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".p4")).sorted().toList();
        }
    }

    private static Path stfOf(Path p4) {
        return p4.resolveSibling(p4.getFileName().toString().replaceAll("\\.p4$", ".stf"));
    }

    @TestFactory
    List<DynamicTest> everyProjectStfTestPassesOnTheInterpreter() throws IOException, URISyntaxException {
        List<Path> programs = programs(directory());
        assertTrue(programs.size() >= AT_LEAST, "expected at least " + AT_LEAST + " STF tests in "
                + directory() + ", found " + programs.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p4 : programs) {
            tests.add(DynamicTest.dynamicTest(p4.getFileName().toString(), p4.toUri(), () -> run(p4)));
        }
        return tests;
    }

    private static void run(Path p4) throws IOException, StfException {
        Path stf = stfOf(p4);
        assertTrue(Files.isRegularFile(stf), p4 + " has no " + stf.getFileName());
        FrontendResult r = Frontend.compile(p4, p4.toString(), FrontendOptions.defaults());
        if (r.program().isEmpty()) {
            fail(p4 + " does not compile: " + String.join("\n", r.diagnostics().stream()
                    .filter(d -> d.severity() == Severity.ERROR).map(Diagnostic::toString).toList()));
        }
        Target target = new InterpreterTarget();
        try (TargetSession s = target.open(new TestProgram(p4, r.program().get()))) {
            StfReport report = StfRunner.run(StfParser.parse(stf), s, target.name());
            assertTrue(report.passed(), p4.getFileName() + " fails on the interpreter:\n"
                    + String.join("\n", report.failures()));
        } catch (TargetException | StfInputException e) {
            fail(p4.getFileName() + ": " + e.getMessage());
        }
    }
}
