package dev.p4ebpf.conformance.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.p4ebpf.ebpf.lower.EbpfLowering;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Robustness of the whole compiler on random valid programs (issue 5): every program of the
 * {@link ProgramGenerator} passes the frontend, and the midend and the eBPF backend either produce
 * an object or report a clean {@code unsupported} diagnostic; no internal error. As root, every
 * object is loaded with the driver, so the kernel verifier checks each of its programs (BPF_PROG_LOAD
 * with BTF-defined maps: Linux 5.10 or later). Without root, the objects are only compiled and the
 * test is skipped after checking that.
 *
 * <p>Program {@code i} of a run comes from seed {@code gen.seed + i}: that seed picks the
 * architecture (xdp or ebpfFilter), the hook (ebpfFilter: tc or XDP) and the program, so
 * {@code -Dgen.seed=S -Dgen.count=1} reruns the single program of seed S. System properties:
 * {@code gen.seed} (default {@value #DEFAULT_SEED}), {@code gen.count} (default
 * {@value #DEFAULT_COUNT}), {@code gen.repro} (directory for minimized reproducers; default
 * {@code target/gen-repro}), {@code gen.without} (comma-separated {@link Feature}s the programs
 * leave out, to look past an open bug), {@code gen.load} ({@code false}: compile only, even as root). The test fails on any bug, printing each kind's minimized program.
 */
class BackendRobustnessTest {
    private static final long DEFAULT_SEED = 20261201L;
    private static final int DEFAULT_COUNT = 1000;
    /** How many times the minimizer may recompile while shrinking one failure. */
    private static final int MINIMIZER_CHECKS = 400;
    /** How many distinct failures are minimized (the rest are only counted and listed). */
    private static final int MINIMIZED_KINDS = 6;

    @Test
    void randomProgramsCompileWithoutInternalErrorsAndPassTheVerifier() throws Exception {
        long seed = Long.getLong("gen.seed", DEFAULT_SEED);
        int count = Integer.getInteger("gen.count", DEFAULT_COUNT);
        boolean load = KernelAccess.canLoad() && Boolean.parseBoolean(System.getProperty("gen.load", "true"));
        Feature[] without = without(System.getProperty("gen.without", ""));
        System.out.println("BackendRobustnessTest: seed " + seed + ", " + count + " programs"
                + (without.length == 0 ? "" : ", without " + Arrays.toString(without))
                + (load ? ", loading each object" : ", compiling only"));
        long start = System.nanoTime();
        RobustnessTally tally = runAll(seed, count, without, load);
        long millis = (System.nanoTime() - start) / 1_000_000;
        String summary = tally.summary(seed, load) + "  time " + millis + " ms\n";
        System.out.println(summary);
        if (tally.bugs() > 0) {
            fail(summary + minimizedBugs(tally, without, load));
        }
        assertEquals(count, tally.generated());
        assumeTrue(load, "the objects compiled but were not loaded: "
                + (KernelAccess.canLoad() ? "gen.load=false" : KernelAccess.whyNot()));
    }

    static Feature[] without(String names) {
        return Arrays.stream(names.split(",")).map(String::strip).filter(n -> !n.isEmpty())
                .map(n -> Feature.valueOf(n.toUpperCase(Locale.ROOT))).toArray(Feature[]::new);
    }

    private static RobustnessTally runAll(long seed, int count, Feature[] without, boolean load)
            throws InterruptedException, ExecutionException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Case>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long s = seed + i;
                futures.add(pool.submit(() -> Case.of(s, without).run(load)));
            }
            var tally = new RobustnessTally();
            for (int i = 0; i < count; i++) {
                Case c = futures.get(i).get();
                tally.add(i, c.seed(), c.source(), c.outcome());
            }
            return tally;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each kind of bug with its seed and minimized program; the programs are also written to gen.repro. */
    private static String minimizedBugs(RobustnessTally tally, Feature[] without, boolean load) {
        var s = new StringBuilder();
        int n = 0;
        for (RobustnessTally.Example e : tally.firstBugs().values()) {
            Case c = Case.of(e.seed(), without);
            s.append("\n=== ").append(e.outcome().signature()).append("\nprogram ").append(e.index()).append(", seed ")
                    .append(e.seed()).append(" (").append(c.arch()).append(", hook ").append(c.hook()).append(")\n");
            s.append(e.outcome().detail()).append('\n');
            if (n++ < MINIMIZED_KINDS) {
                String sig = e.outcome().signature();
                var m = new Minimizer(p -> PipelineRun.run("gen.p4", p, c.hook(), load).signature().equals(sig),
                        MINIMIZER_CHECKS);
                String small = m.minimize(e.source());
                Path file = save(e.seed(), c, small, e.outcome());
                s.append("--- minimized (").append(m.checks()).append(" checks), saved as ").append(file).append(":\n")
                        .append(small);
            }
        }
        return s.toString();
    }

    private static Path save(long seed, Case c, String program, Outcome o) {
        Path dir = Path.of(System.getProperty("gen.repro", "target/gen-repro"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("seed-" + seed + "-" + o.kind().name().toLowerCase() + ".p4");
            Files.writeString(file, "// " + o.signature() + "\n// seed " + seed + ", " + c.arch() + ", hook "
                    + c.hook() + "\n" + program);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reproducer under " + dir, e);
        }
    }

    /** One program of the run: its seed, what the seed chose, and (once run) its outcome. */
    record Case(long seed, GeneratorOptions.Arch arch, EbpfLowering.Hook hook, String source, Outcome outcome) {
        static Case of(long seed, Feature... without) {
            var random = new Random(seed);
            GeneratorOptions.Arch arch = random.nextBoolean() ? GeneratorOptions.Arch.XDP
                    : GeneratorOptions.Arch.EBPF_FILTER;
            EbpfLowering.Hook hook = arch == GeneratorOptions.Arch.EBPF_FILTER && random.nextInt(3) > 0
                    ? EbpfLowering.Hook.TC : EbpfLowering.Hook.XDP;
            String source = new ProgramGenerator(GeneratorOptions.defaults(arch).without(without)).generate(random);
            return new Case(seed, arch, hook, source, null);
        }

        Case run(boolean load) {
            return new Case(seed, arch, hook, source, PipelineRun.run("gen" + seed + ".p4", source, hook, load));
        }
    }
}
