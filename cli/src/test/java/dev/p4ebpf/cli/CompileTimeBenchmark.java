package dev.p4ebpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long {@code p4ebpf compile} takes on the bundled XDP router, the way users run it: cold,
 * each time a fresh {@code ./p4ebpf} process (the launcher, with its start-up cache), and warm,
 * the whole command run again and again in this JVM (CPU time of the whole process, JIT and GC
 * threads included). Prints medians of wall-clock time and of
 * the CPU time spent (user + system, from GNU time for the processes; about what a quiet
 * machine's wall clock would show — shared machines are rarely quiet). A benchmark: it asserts
 * only that every compile succeeds.
 * Run with {@code mvn -Dbenchmarks -pl cli -am test -Dtest=CompileTimeBenchmark}.
 */
@Tag("benchmark")
class CompileTimeBenchmark {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path ROUTER = ROOT.resolve("examples/xdp-router/router.p4");
    private static final Path TIME = Path.of("/usr/bin/time");
    private static final int COLD_RUNS = 15;
    private static final int WARM_UP = 150;
    private static final int WARM_RUNS = 300;

    @TempDir
    Path dir;

    @Test
    void coldProcess() throws IOException, InterruptedException {
        launch(); // the first use may build the jar and train the start-up cache
        double[] wall = new double[COLD_RUNS];
        double[] cpu = new double[COLD_RUNS];
        for (int i = 0; i < COLD_RUNS; i++) {
            long t0 = System.nanoTime();
            launch();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = cpuMillis();
        }
        System.out.printf("cold ./p4ebpf compile router.p4, %d processes: median wall %.0f ms, median CPU %.0f ms%n",
                COLD_RUNS, median(wall), median(cpu));
    }

    @Test
    void warmInProcess() throws IOException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String out = dir.resolve("router.o").toString();
        for (int i = 0; i < WARM_UP; i++) {
            compile(out);
        }
        double[] wall = new double[WARM_RUNS];
        double[] cpu = new double[WARM_RUNS];
        for (int i = 0; i < WARM_RUNS; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            compile(out);
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (os.getProcessCpuTime() - c0) / 1e6;
        }
        System.out.printf("warm in-process compile router.p4, %d runs after %d: median wall %.1f ms, median CPU %.1f ms%n",
                WARM_RUNS, WARM_UP, median(wall), median(cpu));
    }

    private static void compile(String out) {
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        int status = new Main(Commands.all(), sink, sink).run(new String[] {"compile", ROUTER.toString(), "-o", out});
        assertEquals(0, status, "compile failed");
    }

    private void launch() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(TIME)) {
            command.addAll(List.of(TIME.toString(), "-f", "%U %S", "-o", dir.resolve("cpu").toString()));
        }
        command.addAll(List.of(ROOT.resolve("p4ebpf").toString(), "compile", ROUTER.toString(),
                "-o", dir.resolve("cold.o").toString()));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("cold.log").toFile()).start();
        int status = p.waitFor();
        assertEquals(0, status, () -> "./p4ebpf compile failed: " + read(dir.resolve("cold.log")));
    }

    /** The user + system time of the last launch in ms, or NaN without GNU time. */
    private double cpuMillis() throws IOException {
        if (!Files.isExecutable(TIME)) {
            return Double.NaN;
        }
        String[] f = Files.readString(dir.resolve("cpu")).trim().split("\\s+");
        return (Double.parseDouble(f[f.length - 2]) + Double.parseDouble(f[f.length - 1])) * 1000;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
