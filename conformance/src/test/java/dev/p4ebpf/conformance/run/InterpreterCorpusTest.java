package dev.p4ebpf.conformance.run;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.p4ebpf.conformance.stf.StfException;
import dev.p4ebpf.conformance.stf.StfParser;
import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.frontend.FrontendResult;
import dev.p4ebpf.ir.diag.Diagnostic;
import dev.p4ebpf.ir.diag.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs p4c's STF packet tests on the interpreter: every sample of testdata/p4_16_samples (and
 * one directory down) that has an {@code .stf} and is written for ebpf_model.p4, xdp_model.p4 or
 * v1model.p4. The eBPF and XDP samples must all pass. Of the v1model samples, those listed in
 * known-failures/interpreter-v1model.txt must fail (the list says why) and every other must
 * pass; at least 85 % must pass. The samples are not part of this project: the test looks for
 * a p4c checkout in the directory -Dp4c.dir names (default /work/p4c) and is skipped without one.
 */
class InterpreterCorpusTest {
    private static final Path P4C = Path.of(System.getProperty("p4c.dir", "/work/p4c"));
    private static final Path SAMPLES = P4C.resolve("testdata/p4_16_samples");
    private static final String KNOWN = "/known-failures/interpreter-v1model.txt";

    private enum Group { EBPF, V1MODEL }

    private record Sample(Path p4, Path stf, Group group) {
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
                if (Files.isRegularFile(p4)) {
                    group(p4).ifPresent(g -> out.add(new Sample(p4, stf, g)));
                }
            }
        }
        return out;
    }

    /** Which architecture a sample is written for, from the model file it includes. */
    private static Optional<Group> group(Path p4) throws IOException {
        String text = Files.readString(p4, StandardCharsets.ISO_8859_1);
        if (text.contains("ebpf_model.p4") || text.contains("xdp_model.p4")) {
            return Optional.of(Group.EBPF);
        }
        if (text.contains("v1model.p4")) {
            return Optional.of(Group.V1MODEL);
        }
        return Optional.empty();
    }

    private static Map<String, String> knownFailures() throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        try (InputStream in = InterpreterCorpusTest.class.getResourceAsStream(KNOWN)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(": ");
                known.put(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
            }
        }
        return known;
    }

    /** Runs one sample; empty when it passes, else why not. */
    static Optional<String> run(Path p4, Path stf) {
        FrontendResult r = Frontend.compile(p4, p4.toString(), FrontendOptions.defaults());
        if (r.program().isEmpty()) {
            return Optional.of("frontend: " + r.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
                    .map(Diagnostic::toString).findFirst().orElse("failed"));
        }
        Target target = new InterpreterTarget(() -> List.of(new P4cSampleExterns()), 1);
        try (TargetSession s = target.open(new TestProgram(p4, r.program().get()))) {
            StfReport report = StfRunner.run(StfParser.parse(stf), s, target.name());
            return report.passed() ? Optional.empty() : Optional.of(String.join("\n", report.failures()));
        } catch (TargetException | StfInputException | StfException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @TestFactory
    List<DynamicTest> p4cStfSamplesOnTheInterpreter() throws IOException {
        List<Sample> samples = samples();
        Map<String, String> known = knownFailures();
        int[] passed = new int[Group.values().length];
        int[] total = new int[Group.values().length];
        List<DynamicTest> tests = new ArrayList<>();
        for (Sample s : samples) {
            tests.add(DynamicTest.dynamicTest(s.name(), s.p4().toUri(), () -> {
                Optional<String> failure = run(s.p4(), s.stf());
                total[s.group().ordinal()]++;
                if (failure.isEmpty()) {
                    passed[s.group().ordinal()]++;
                }
                String reason = known.get(s.name());
                if (reason != null && s.group() == Group.V1MODEL) {
                    assertTrue(failure.isPresent(), s.name() + " passes now: remove it from " + KNOWN);
                } else if (failure.isPresent()) {
                    fail(s.name() + " fails on the interpreter:\n" + failure.get());
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("figures", () -> {
            int e = Group.EBPF.ordinal();
            int v = Group.V1MODEL.ordinal();
            System.out.printf("interpreter on p4c STF samples: ebpf/xdp %d of %d pass; v1model %d of %d pass (%.1f %%)%n",
                    passed[e], total[e], passed[v], total[v], 100.0 * passed[v] / Math.max(1, total[v]));
            assertTrue(total[e] >= 19, "expected at least p4c's 19 eBPF/XDP STF samples, found " + total[e]);
            assertTrue(passed[v] * 100 >= 85 * total[v], "fewer than 85 % of the v1model samples pass");
            for (String name : known.keySet()) {
                assertTrue(samples.stream().anyMatch(s -> s.name().equals(name)),
                        KNOWN + " lists " + name + ", which is not a v1model sample with an .stf");
            }
        }));
        return tests;
    }
}
