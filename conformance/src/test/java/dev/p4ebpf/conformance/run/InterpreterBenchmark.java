package dev.p4ebpf.conformance.run;

import dev.p4ebpf.conformance.stf.StfCommand;
import dev.p4ebpf.conformance.stf.StfFile;
import dev.p4ebpf.conformance.stf.StfParser;
import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.frontend.FrontendResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How many packets per second the interpreter runs through a ten-table program:
 * bench/ten_tables_xdp.p4 (xdp_model.p4: parser, a switch control applying ten tables, deparser)
 * and bench/ten_tables.p4 (the same tables in v1model's ingress, with all six v1model blocks and
 * an IPv4 checksum update). Measures and prints only; run it with
 *
 * <pre>
 * mvn -Dbenchmarks -pl conformance -am test -Dtest=InterpreterBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * (add {@code -Dbench.runs=N -Dbench.packets=N} to change the defaults of 7 runs of 200,000).
 * Each program's .stf entries are loaded, the interpreter is warmed up with one run, then each run
 * of packets of the .stf's first packet is timed twice: by the wall clock, and by the CPU time of
 * the thread that runs the packets, which is what to compare on a shared or loaded machine (a
 * thread waiting for a CPU does not count). It prints each rate and the medians.
 */
@Tag("benchmark")
class InterpreterBenchmark {
    private static final Path BENCH = Path.of("src/test/resources/bench");

    private static double median(List<Double> xs) {
        double[] sorted = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String sorted(List<Double> xs) {
        return Arrays.toString(xs.stream().mapToDouble(Double::doubleValue).sorted().mapToLong(Math::round).toArray());
    }

    @Test
    void tenTablesXdp() throws Exception {
        measure("ten_tables_xdp");
    }

    @Test
    void tenTablesV1model() throws Exception {
        measure("ten_tables");
    }

    private static void measure(String program) throws Exception {
        int runs = Integer.getInteger("bench.runs", 7);
        int packets = Integer.getInteger("bench.packets", 200_000);
        Path p4 = BENCH.resolve(program + ".p4");
        FrontendResult r = Frontend.compile(p4, p4.toString(), FrontendOptions.defaults());
        StfFile stf = StfParser.parse(BENCH.resolve(program + ".stf"));
        StfFile setup = new StfFile(stf.name(), stf.commands().stream().filter(c -> c instanceof StfCommand.Add).toList());
        StfCommand.Packet packet = stf.commands().stream().filter(c -> c instanceof StfCommand.Packet)
                .map(c -> (StfCommand.Packet) c).findFirst().orElseThrow();
        try (TargetSession s = new InterpreterTarget().open(new TestProgram(p4, r.program().orElseThrow()))) {
            StfRunner.run(setup, s, "interp");
            run(s, packet, packets);
            List<Double> rates = new ArrayList<>();
            List<Double> cpuRates = new ArrayList<>();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < runs; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                run(s, packet, packets);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuSeconds = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                rates.add(packets / seconds);
                cpuRates.add(packets / cpuSeconds);
                System.out.printf("InterpreterBenchmark %s run %d: %,.0f packets/s by the wall clock, %,.0f per "
                        + "CPU-second%n", program, i + 1, packets / seconds, packets / cpuSeconds);
            }
            System.out.printf("InterpreterBenchmark %s: median of %d runs of %,d packets: %,.0f packets/s by the wall "
                    + "clock %s, %,.0f per CPU-second %s%n", program, runs, packets, median(rates), sorted(rates),
                    median(cpuRates), sorted(cpuRates));
        }
    }

    /** Sends the packet {@code n} times; each must come out once. */
    private static void run(TargetSession s, StfCommand.Packet packet, int n) throws TargetException {
        byte[] data = packet.bytes();
        int out = 0;
        for (int i = 0; i < n; i++) {
            out += s.send(packet.port(), data).outputs().size();
        }
        if (out != n) {
            throw new IllegalStateException("expected one packet out per packet in, got " + out + " for " + n);
        }
    }
}
