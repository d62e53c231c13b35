package dev.p4ebpf.conformance.run.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.p4ebpf.conformance.run.InterpreterTarget;
import dev.p4ebpf.conformance.run.P4cSampleExterns;
import dev.p4ebpf.conformance.run.StfInputException;
import dev.p4ebpf.conformance.run.StfReport;
import dev.p4ebpf.conformance.run.Target;
import dev.p4ebpf.conformance.run.TargetComparison;
import dev.p4ebpf.conformance.run.TargetException;
import dev.p4ebpf.conformance.run.TestProgram;
import dev.p4ebpf.conformance.stf.StfException;
import dev.p4ebpf.conformance.stf.StfParser;
import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.frontend.FrontendResult;
import dev.p4ebpf.ir.diag.Diagnostic;
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
 * Runs STF tests in the kernel (BPF_PROG_TEST_RUN, needs root on Linux >= 6.6) and on the
 * reference interpreter, and compares them packet by packet: p4c's eBPF and XDP samples that
 * have an {@code .stf} (from the checkout -Dp4c.dir names, default /work/p4c; skipped without
 * one), this module's eBPF STF tests ({@code stf/ebpf/*.p4}, {@code stf/*-ebpf.p4},
 * {@code stf/*-xdp.p4}), the kernel target's probe and its own tests ({@code kernel/stf}). A program passes when both targets give
 * the same packets for every packet and the kernel meets every expectation. Those listed in
 * kernel/known-failures.txt must fail, for the reason listed; every other must pass.
 */
class KernelStfCorpusTest {
    private static final Path P4C = Path.of(System.getProperty("p4c.dir", "/work/p4c"));
    private static final Path SAMPLES = P4C.resolve("testdata/p4_16_samples");
    private static final Path RESOURCES = Path.of("src/test/resources");
    private static final String KNOWN = "/kernel/known-failures.txt";

    /** A test: its name in the known-failures list, program, STF file, and whether it is a p4c sample. */
    private record Case(String name, Path p4, Path stf, boolean sample) {}

    @TestFactory
    List<DynamicTest> stfTestsGiveTheSamePacketsInTheKernelAsOnTheInterpreter() throws IOException {
        KernelRequirement.require();
        Map<String, String> known = knownFailures();
        List<Case> cases = cases();
        int[] samples = new int[2];
        List<String> failingSamples = new ArrayList<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.name(), c.p4().toUri(), () -> {
                Optional<String> failure = compare(c.p4(), c.stf());
                if (c.sample()) {
                    samples[0]++;
                    samples[1] += failure.isEmpty() ? 1 : 0;
                    failure.ifPresent(f -> failingSamples.add(c.name() + ": " + f.lines().findFirst().orElse("")));
                }
                String reason = known.get(c.name());
                if (reason == null) {
                    failure.ifPresent(f -> fail(c.name() + " differs in the kernel:\n" + f));
                } else {
                    assertTrue(failure.isPresent(), c.name() + " passes in the kernel now: remove it from " + KNOWN);
                    assertTrue(failure.get().contains(reason), c.name() + " fails in the kernel for another reason"
                            + " than " + KNOWN + " says (" + reason + "):\n" + failure.get());
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("figures and list", () -> {
            System.out.printf("kernel vs interpreter: %d of %d p4c eBPF/XDP STF samples identical%n", samples[1],
                    samples[0]);
            failingSamples.forEach(f -> System.out.println("  differs: " + f));
            for (String name : known.keySet()) {
                assertTrue(cases.stream().anyMatch(c -> c.name().equals(name)), KNOWN + " lists " + name
                        + ", which is not one of the tests");
            }
            if (Files.isDirectory(SAMPLES)) {
                assertEquals(17, cases.stream().filter(Case::sample).count(),
                        "p4c has 17 eBPF/XDP samples with an .stf");
            }
        }));
        return tests;
    }

    /** The probe first (it shows the kernel target works at all), then our tests, then p4c's. */
    private static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        out.add(own(RESOURCES.resolve("kernel/probe-xdp.p4")));
        for (Path p4 : list(RESOURCES.resolve("kernel/stf"), n -> n.endsWith(".p4"))) {
            out.add(own(p4));
        }
        Path stf = RESOURCES.resolve("stf");
        for (Path p4 : list(stf.resolve("ebpf"), n -> n.endsWith(".p4"))) {
            out.add(own(p4));
        }
        for (Path p4 : list(stf, n -> n.endsWith("-ebpf.p4") || n.endsWith("-xdp.p4"))) {
            out.add(own(p4));
        }
        for (Path p4 : list(SAMPLES, n -> n.endsWith(".p4") && (n.contains("_ebpf") || n.contains("xdp")))) {
            Path s = stfOf(p4);
            if (Files.isRegularFile(s)) {
                out.add(new Case(SAMPLES.relativize(p4).toString(), p4, s, true));
            }
        }
        return out.stream().filter(c -> Files.isRegularFile(c.stf())).toList();
    }

    private static Case own(Path p4) {
        return new Case(RESOURCES.relativize(p4).toString(), p4, stfOf(p4), false);
    }

    private static Path stfOf(Path p4) {
        return p4.resolveSibling(p4.getFileName().toString().replaceAll("\\.p4$", ".stf"));
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<String> name) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> name.test(p.getFileName().toString())).sorted().toList();
        }
    }

    private static Map<String, String> knownFailures() throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        try (InputStream in = KernelStfCorpusTest.class.getResourceAsStream(KNOWN)) {
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

    /** Empty when the kernel gives the interpreter's packets and meets every expectation; else why not. */
    static Optional<String> compare(Path p4, Path stf) throws StfException, StfInputException, TargetException {
        FrontendResult r = Frontend.compile(p4, p4.toString(), FrontendOptions.defaults());
        if (r.program().isEmpty()) {
            fail(p4 + " does not pass the frontend: " + r.diagnostics().stream().filter(Diagnostic::isError).toList());
        }
        Target interp = new InterpreterTarget(() -> List.of(new P4cSampleExterns()), 1);
        TargetComparison c = TargetComparison.run(StfParser.parse(stf), new TestProgram(p4, r.program().get()), interp,
                new KernelTarget());
        if (!c.firstRun().passed()) {
            fail(p4 + " fails on the interpreter, so it cannot be compared:\n" + String.join("\n",
                    c.firstRun().failures()));
        }
        if (c.difference().isPresent()) {
            return c.difference();
        }
        StfReport kernel = ((TargetComparison.Run.Ran) c.secondRun()).report();
        return kernel.passed() ? Optional.empty() : Optional.of("the kernel fails the test: " + String.join("\n",
                kernel.failures()));
    }
}
