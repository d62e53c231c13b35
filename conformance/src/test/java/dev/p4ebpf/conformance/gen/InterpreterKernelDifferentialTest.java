package dev.p4ebpf.conformance.gen;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Random programs behave in the kernel as on the reference interpreter: each program of the
 * {@link ProgramGenerator} (seed {@code gen.seed + i}, as in {@link BackendRobustnessTest}) gets
 * {@code gen.diff.packets} random packets on both, through the conformance targets (the kernel by
 * BPF_PROG_TEST_RUN, so root and Linux 5.10 or later), and their outputs are compared packet by
 * packet. A program the kernel target cannot run (the backend does not compile it, the verifier
 * rejects it, its entries do not install) is counted and left to {@link BackendRobustnessTest}.
 * The test fails on any difference, printing each with its seed and the program minimized.
 * Properties: {@code gen.seed}, {@code gen.diff.count} (default {@value #DEFAULT_COUNT}),
 * {@code gen.diff.packets} (default {@value #DEFAULT_PACKETS}), {@code gen.without}.
 */
class InterpreterKernelDifferentialTest {
    private static final long DEFAULT_SEED = 20261201L;
    private static final int DEFAULT_COUNT = 200;
    private static final int DEFAULT_PACKETS = 4;
    private static final int MINIMIZER_CHECKS = 200;
    private static final int MINIMIZED = 3;
    /**
     * The apply block's first assignments, which give the metadata and the outputs their values:
     * they stay when minimizing, so that a shrunk program does not differ only by reading values
     * it never set (which P4 leaves unspecified).
     */
    private static final Pattern INITIALIZATION = Pattern.compile(
            "\\s*(meta(\\.[\\w.]+)?|pass|xout\\.output_(action|port)) = .*");

    @Test
    void randomProgramsGiveTheInterpretersPacketsInTheKernel() {
        assumeTrue(KernelAccess.canLoad(), KernelAccess.whyNot() + " (BPF_PROG_TEST_RUN)");
        long seed = Long.getLong("gen.seed", DEFAULT_SEED);
        int count = Integer.getInteger("gen.diff.count", DEFAULT_COUNT);
        int packets = Integer.getInteger("gen.diff.packets", DEFAULT_PACKETS);
        Feature[] without = BackendRobustnessTest.without(System.getProperty("gen.without", ""));
        long start = System.nanoTime();
        int same = 0;
        Map<String, Integer> notCompared = new TreeMap<>();
        List<String> differences = new ArrayList<>();
        List<BackendRobustnessTest.Case> differing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var c = BackendRobustnessTest.Case.of(seed + i, without);
            switch (Differential.compare(name(c), c.source(), packets, c.seed())) {
                case Differential.Result.Same s -> same++;
                case Differential.Result.NotCompared n -> notCompared.merge(reason(n.reason()), 1, Integer::sum);
                case Differential.Result.Differ d -> {
                    differences.add("seed " + c.seed() + " (" + c.arch() + "): " + d.difference());
                    differing.add(c);
                }
            }
        }
        var s = new StringBuilder("seed " + seed + ", " + count + " programs, " + packets + " packets each: " + same
                + " identical, " + differences.size() + " differ, " + notCompared.values().stream()
                .mapToInt(Integer::intValue).sum() + " not compared (" + (System.nanoTime() - start) / 1_000_000
                + " ms)\n");
        notCompared.forEach((r, n) -> s.append("  not compared x").append(n).append(": ").append(r).append('\n'));
        System.out.println(s);
        if (!differences.isEmpty()) {
            differences.forEach(d -> s.append("\n").append(d).append('\n'));
            for (BackendRobustnessTest.Case c : differing.subList(0, Math.min(MINIMIZED, differing.size()))) {
                var m = new Minimizer(p -> Differential.compare(name(c), p, packets, c.seed())
                        instanceof Differential.Result.Differ, MINIMIZER_CHECKS, INITIALIZATION.asMatchPredicate());
                s.append("\n=== seed ").append(c.seed()).append(", minimized:\n").append(m.minimize(c.source()));
            }
            fail(s.toString());
        }
    }

    private static String name(BackendRobustnessTest.Case c) {
        return "gen" + c.seed() + ".p4";
    }

    /** The reason without the program's name and numbers, and shortened, for grouping. */
    private static String reason(String text) {
        String first = text.lines().findFirst().orElse("").replaceAll("gen\\d+(\\.p4)?", "gen").replaceAll("\\d+", "#");
        return first.length() > 160 ? first.substring(0, 160) + "…" : first;
    }
}
