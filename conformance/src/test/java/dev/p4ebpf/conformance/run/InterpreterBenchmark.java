package dev.p4ebpf.conformance.run;

import dev.p4ebpf.conformance.stf.StfCommand;
import dev.p4ebpf.conformance.stf.StfFile;
import dev.p4ebpf.conformance.stf.StfParser;
import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.frontend.FrontendResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How many packets per second the interpreter runs through a ten-table program:
 * bench/ten_tables_xdp.p4 (xdp_model.p4: parser, a switch control applying ten tables, deparser)
 * or bench/ten_tables.p4 (the same tables in v1model's ingress, with all six v1model blocks and
 * an IPv4 checksum update). Not a test: run it by hand from the repository root,
 *
 * <pre>
 * mvn -q -B -pl cli -am package -DskipTests &amp;&amp; mvn -q -B -pl conformance -am test-compile
 * java -cp "conformance/target/test-classes:cli/target/lib/*" \
 *     dev.p4ebpf.conformance.run.InterpreterBenchmark [ten_tables_xdp|ten_tables] [RUNS] [PACKETS]
 * </pre>
 *
 * It loads the program's .stf entries, warms up, then times RUNS runs (default 7) of PACKETS
 * packets (default 200000) of the .stf's packet and prints each rate and the median. Each run is timed twice: by the wall clock, and by the CPU time of the thread
 * that runs the packets, which is what to compare on a shared or loaded machine (a thread
 * waiting for a CPU does not count).
 */
public final class InterpreterBenchmark {
    private InterpreterBenchmark() {}

    private static double median(List<Double> xs) {
        double[] sorted = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String sorted(List<Double> xs) {
        return Arrays.toString(xs.stream().mapToDouble(Double::doubleValue).sorted().mapToLong(Math::round).toArray());
    }

    public static void main(String[] args) throws Exception {
        String program = args.length > 0 ? args[0] : "ten_tables_xdp";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int packets = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        Path p4 = Path.of("conformance/src/test/resources/bench/" + program + ".p4");
        Path stfPath = Path.of("conformance/src/test/resources/bench/" + program + ".stf");
        System.out.println(p4);
        FrontendResult r = Frontend.compile(p4, p4.toString(), FrontendOptions.defaults());
        StfFile stf = StfParser.parse(stfPath);
        StfFile setup = new StfFile(stf.name(), stf.commands().stream().filter(c -> c instanceof StfCommand.Add).toList());
        StfCommand.Packet packet = stf.commands().stream().filter(c -> c instanceof StfCommand.Packet)
                .map(c -> (StfCommand.Packet) c).findFirst().orElseThrow();
        byte[] data = packet.bytes();
        try (TargetSession s = new InterpreterTarget().open(new TestProgram(p4, r.program().orElseThrow()))) {
            StfRunner.run(setup, s, "interp");
            for (int i = 0; i < packets; i++) {
                s.send(packet.port(), data);
            }
            List<Double> rates = new ArrayList<>();
            List<Double> cpuRates = new ArrayList<>();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int run = 0; run < runs; run++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                int out = 0;
                for (int i = 0; i < packets; i++) {
                    out += s.send(packet.port(), data).outputs().size();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuSeconds = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                if (out != packets) {
                    throw new IllegalStateException("expected one packet out per packet in, got " + out);
                }
                rates.add(packets / seconds);
                cpuRates.add(packets / cpuSeconds);
                System.out.printf("run %d: %,.0f packets/s by the wall clock, %,.0f per CPU-second%n", run + 1,
                        packets / seconds, packets / cpuSeconds);
            }
            System.out.printf("median of %d runs of %,d packets: %,.0f packets/s by the wall clock %s, %,.0f per "
                    + "CPU-second %s%n", runs, packets, median(rates), sorted(rates), median(cpuRates), sorted(cpuRates));
        }
    }
}
