package dev.p4ebpf.frontend.bench;

import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.frontend.FrontendResult;
import dev.p4ebpf.frontend.source.SourceFile;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long the frontend takes, warm, on a generated v1model program of about 1,000 lines (40 tables
 * with their actions and a switch on each). A benchmark, not a test: it prints the median of 20 runs
 * after 10 warm-up runs. Run it with {@code mvn -Dbenchmarks -pl p4-frontend -am test}.
 */
@Tag("benchmark")
class FrontendBenchmark {
    @Test
    void thousandLineProgramWarm() {
        String program = ThousandLines.program(40);
        var source = new SourceFile("thousand-lines.p4", program);
        long[] times = new long[30];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            FrontendResult r = Frontend.compile(source, FrontendOptions.defaults());
            times[i] = System.nanoTime() - start;
            if (!r.ok()) {
                throw new IllegalStateException("the benchmark program does not check: " + r.diagnostics());
            }
        }
        long[] measured = Arrays.copyOfRange(times, 10, times.length);
        Arrays.sort(measured);
        System.out.printf("frontend, %d-line program, warm: median %.1f ms (min %.1f ms, max %.1f ms, %d runs)%n",
                program.split("\n").length, measured[measured.length / 2] / 1e6, measured[0] / 1e6,
                measured[measured.length - 1] / 1e6, measured.length);
    }
}
