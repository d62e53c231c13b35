package dev.p4ebpf.conformance.midend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.p4ebpf.conformance.run.InterpreterTarget;
import dev.p4ebpf.conformance.run.P4cSampleExterns;
import dev.p4ebpf.conformance.run.StfInputException;
import dev.p4ebpf.conformance.run.StfReport;
import dev.p4ebpf.conformance.run.StfRunner;
import dev.p4ebpf.conformance.run.Target;
import dev.p4ebpf.conformance.run.TargetException;
import dev.p4ebpf.conformance.run.TestProgram;
import dev.p4ebpf.conformance.stf.StfException;
import dev.p4ebpf.conformance.stf.StfFile;
import dev.p4ebpf.conformance.stf.StfParser;
import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.frontend.FrontendResult;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Diagnostic;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.interp.InterpreterException;
import dev.p4ebpf.ir.midend.Midend;
import dev.p4ebpf.ir.pass.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The midend keeps behaviour: every p4c STF sample written for ebpf_model.p4, xdp_model.p4 or
 * v1model.p4 that the reference interpreter can run is run on it twice with its STF file, once as
 * the frontend left it and once after the whole midend, and both runs must give the same packets
 * out (port and bytes, in order), the same counter readings and command outputs, and the same STF
 * verdict. Samples the interpreter cannot load or whose STF it cannot run before the midend are
 * counted, not compared; samples the midend refuses as unsupported are counted too. The samples
 * listed in {@code midend/behaviour-differences.txt} differ in a value the spec leaves unspecified:
 * they must keep their verdict and still differ (so the list stays current). The eBPF and XDP
 * samples are also run after every single pass, so that a change is pinned on the pass that makes
 * it. The samples
 * are not part of this project: the test looks for a p4c checkout in {@code -Dp4c.dir} (default
 * /work/p4c) and is skipped without one. The figures go to stdout.
 */
class MidendBehaviourTest {
    private static final Path P4C = Path.of(System.getProperty("p4c.dir", "/work/p4c"));
    private static final Path SAMPLES = P4C.resolve("testdata/p4_16_samples");
    private static final Path DIFFERENCES = MidendSupport.RESOURCES.resolve("behaviour-differences.txt");

    private record Sample(Path p4, Path stf) {
        String name() {
            return SAMPLES.relativize(p4).toString();
        }
    }

    private static List<Sample> samples() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "no p4c checkout with testdata/p4_16_samples at " + P4C
                + " (set -Dp4c.dir=DIR to run this test)");
        List<Sample> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SAMPLES, 2)) {
            for (Path stf : files.filter(f -> f.toString().endsWith(".stf")).sorted().toList()) {
                Path p4 = stf.resolveSibling(stf.getFileName().toString().replaceAll("\\.stf$", ".p4"));
                if (Files.isRegularFile(p4) && forOurArchitectures(p4)) {
                    out.add(new Sample(p4, stf));
                }
            }
        }
        return out;
    }

    private static boolean forOurArchitectures(Path p4) throws IOException {
        String text = Files.readString(p4, StandardCharsets.ISO_8859_1);
        return text.contains("ebpf_model.p4") || text.contains("xdp_model.p4") || text.contains("v1model.p4");
    }

    /** One run of an STF file: what the program did, and the verdict. */
    private record Run(List<String> log, boolean passed) {}

    private static Run run(Program program, Path p4, StfFile stf)
            throws TargetException, StfInputException {
        Target target = new InterpreterTarget(() -> List.of(new P4cSampleExterns()), 1);
        try (var session = new RecordingSession(target.open(new TestProgram(p4, program)))) {
            StfReport report = StfRunner.run(stf, session, target.name());
            return new Run(session.log(), report.passed());
        }
    }

    private enum Kind { COMPARED, UNSPECIFIED, NOT_RUNNABLE, UNSUPPORTED }

    /** The samples of {@link #DIFFERENCES} and why each differs. */
    private static Map<String, String> differences() throws IOException {
        var out = new LinkedHashMap<String, String>();
        for (String line : Files.readAllLines(DIFFERENCES)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int colon = line.indexOf(": ");
                out.put(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
            }
        }
        return out;
    }

    /** Runs one sample before and after the midend; fails the test when they differ. */
    private static Kind check(Sample s, Map<String, String> differences) throws IOException, StfException {
        FrontendResult fr = Frontend.compile(s.p4(), s.p4().toString(), FrontendOptions.defaults());
        if (!fr.ok() || fr.program().isEmpty()) {
            return Kind.NOT_RUNNABLE;
        }
        Program front = fr.program().get();
        StfFile stf = StfParser.parse(s.stf());
        Run before;
        try {
            before = run(front, s.p4(), stf);
        } catch (TargetException | StfInputException | InterpreterException e) {
            return Kind.NOT_RUNNABLE;
        }
        var diags = new Diagnostics();
        Pipeline.Result r = Midend.run(Midend.pipeline(), front, diags, (p, i, prog) -> {});
        if (!r.ok()) {
            List<Diagnostic> errors = diags.all().stream().filter(Diagnostic::isError).toList();
            assertTrue(errors.stream().allMatch(d -> d.code() == Code.UNSUPPORTED),
                    () -> "the midend reported errors:\n" + MidendSupport.errors(errors));
            return Kind.UNSUPPORTED;
        }
        Run after;
        try {
            after = run(r.program(), s.p4(), stf);
        } catch (TargetException | StfInputException | InterpreterException e) {
            fail("the interpreter runs the frontend's output but not the midend's: " + e.getMessage());
            return Kind.NOT_RUNNABLE;
        }
        assertEquals(before.passed(), after.passed(), "the STF verdict changes in the midend");
        String why = differences.get(s.name());
        if (why != null) {
            assertNotEquals(before.log(), after.log(), () -> s.name() + " behaves the same before and after the "
                    + "midend now: remove it from " + DIFFERENCES);
            return Kind.UNSPECIFIED;
        }
        assertEquals(String.join("\n", before.log()), String.join("\n", after.log()),
                "what the program does on the STF packets changes in the midend");
        return Kind.COMPARED;
    }

    @TestFactory
    List<DynamicTest> theInterpreterSeesTheSameBehaviourBeforeAndAfterTheMidend() throws IOException {
        List<Sample> samples = samples();
        Map<String, String> differences = differences();
        var kinds = new EnumMap<Kind, List<String>>(Kind.class);
        for (Kind k : Kind.values()) {
            kinds.put(k, new ArrayList<>());
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Sample s : samples) {
            tests.add(DynamicTest.dynamicTest(s.name(), s.p4().toUri(),
                    () -> kinds.get(check(s, differences)).add(s.name())));
        }
        tests.add(DynamicTest.dynamicTest("figures", () -> {
            int compared = kinds.get(Kind.COMPARED).size();
            System.out.printf("midend behaviour: %d STF samples; %d the same before and after the midend on the "
                            + "interpreter; %d differing only where the spec leaves values unspecified %s; %d not "
                            + "runnable on the interpreter before the midend %s; %d refused as unsupported %s%n",
                    samples.size(), compared, kinds.get(Kind.UNSPECIFIED).size(), kinds.get(Kind.UNSPECIFIED),
                    kinds.get(Kind.NOT_RUNNABLE).size(), kinds.get(Kind.NOT_RUNNABLE),
                    kinds.get(Kind.UNSUPPORTED).size(), kinds.get(Kind.UNSUPPORTED));
            assertTrue(compared >= 19, "expected at least p4c's 19 eBPF/XDP STF samples to be compared, got " + compared);
            for (String name : differences.keySet()) {
                assertTrue(samples.stream().anyMatch(s -> s.name().equals(name)),
                        DIFFERENCES + " lists " + name + ", which is not an STF sample");
            }
        }));
        return tests;
    }

    /** The program after each pass of the midend, in order, named by the pass; empty if it refuses. */
    private static List<Map.Entry<String, Program>> afterEachPass(Program front) {
        var out = new ArrayList<Map.Entry<String, Program>>();
        Pipeline.Result r = Midend.run(Midend.pipeline(), front, new Diagnostics(),
                (pass, i, prog) -> out.add(Map.entry(pass.name(), prog)));
        return r.ok() ? out : List.of();
    }

    private static void checkEveryPass(Sample s) throws IOException, StfException {
        FrontendResult fr = Frontend.compile(s.p4(), s.p4().toString(), FrontendOptions.defaults());
        assertTrue(fr.ok() && fr.program().isPresent(), "the frontend rejects " + s.name());
        StfFile stf = StfParser.parse(s.stf());
        Run before;
        try {
            before = run(fr.program().get(), s.p4(), stf);
        } catch (TargetException | StfInputException | InterpreterException e) {
            fail("the interpreter cannot run " + s.name() + ": " + e.getMessage());
            return;
        }
        List<Map.Entry<String, Program>> steps = afterEachPass(fr.program().get());
        assertFalse(steps.isEmpty(), "the midend refuses " + s.name());
        for (Map.Entry<String, Program> step : steps) {
            Run after;
            try {
                after = run(step.getValue(), s.p4(), stf);
            } catch (TargetException | StfInputException | InterpreterException e) {
                fail("after " + step.getKey() + " the interpreter cannot run the program: " + e.getMessage());
                return;
            }
            assertEquals(String.join("\n", before.log()), String.join("\n", after.log()),
                    "what the program does on the STF packets changes in " + step.getKey());
        }
    }

    @TestFactory
    List<DynamicTest> everyPassKeepsTheBehaviourOfTheEbpfAndXdpSamples() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Sample s : samples()) {
            String text = Files.readString(s.p4(), StandardCharsets.ISO_8859_1);
            if (text.contains("ebpf_model.p4") || text.contains("xdp_model.p4")) {
                tests.add(DynamicTest.dynamicTest(s.name(), s.p4().toUri(), () -> checkEveryPass(s)));
            }
        }
        assertTrue(tests.size() >= 19, "expected at least p4c's 19 eBPF/XDP STF samples, found " + tests.size());
        return tests;
    }
}
