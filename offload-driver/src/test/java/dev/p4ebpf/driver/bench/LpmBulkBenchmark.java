package dev.p4ebpf.driver.bench;

import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.map.MapAttributes;
import dev.p4ebpf.driver.map.MapBatch;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.driver.table.BulkLoader;
import dev.p4ebpf.driver.table.EntrySpec;
import dev.p4ebpf.driver.table.Tables;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.ControlPlaneJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A benchmark, not a test (tagged {@code benchmark}, so it never runs with the tests): one million
 * LPM entries ({@code 10.x.y.0/24} keys, MAC and port arguments) installed in P4 terms through the
 * table API's batch path — from an entries file, as {@code p4ebpf table load FILE} and
 * {@link Tables#load(Path)} do (in a fresh JVM with the launcher's options, "cold", and in this one,
 * warm), and from {@link EntrySpec}s in memory ({@link Tables#load(List, List)}, the first load of
 * this JVM and warm) — beside the same entries pre-encoded through BPF_MAP_UPDATE_BATCH alone and
 * one BPF_MAP_UPDATE_ELEM call per entry. Each figure is the median of several runs, interleaved so
 * that a noisy machine affects them alike; the runs are printed too. Run it as root with
 * {@code mvn -Dbenchmarks -pl offload-driver -am test} (results in
 * {@code offload-driver/target/surefire-reports/*LpmBulkBenchmark-output.txt}).
 */
@org.junit.jupiter.api.Tag("benchmark")
class LpmBulkBenchmark {
    private static final int N = 1_000_000;
    private static final int RUNS = 5;
    private static final int COLD_RUNS = 3;
    /** The JVM options of the {@code p4ebpf} launcher script, for the fresh-JVM runs. */
    static final List<String> LAUNCHER_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** The same with the JVM's full tiered compilation, as P4EBPF_JAVA_OPTS=-XX:TieredStopAtLevel=4 gives. */
    static final List<String> TIERED_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC");

    @org.junit.jupiter.api.Test
    void millionLpmEntries() throws Exception {
        dev.p4ebpf.driver.testutil.KernelFeatures.requireRootAndKernel(5, 10, "the LPM benchmark (BPF maps)");
        ControlPlane cp = controlPlane();
        List<EntrySpec> entries = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            entries.add(new EntrySpec("ipv4_lpm", Map.of("dstAddr", prefix(i)), "set_nhop",
                    Map.of("dmac", "00:11:22:33:44:55", "port", Integer.toString(i & 0xffff)), null));
        }
        Path file = Files.createTempFile("lpm-million", ".json");
        try {
            writeEntries(file);
            System.out.printf("entries file: %,d entries, %,d bytes%n", N, Files.size(file));
            double listCold = loadList(cp, entries);
            double[] fileCold = new double[COLD_RUNS];
            double[] fileColdTiered = new double[COLD_RUNS];
            for (int i = 0; i < COLD_RUNS; i++) {
                fileCold[i] = loadInFreshJvm(file, LAUNCHER_OPTIONS);
                fileColdTiered[i] = loadInFreshJvm(file, TIERED_OPTIONS);
            }
            double[] raw = new double[RUNS];
            double[] list = new double[RUNS];
            double[] fromFile = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                raw[i] = rawBatch();
                list[i] = loadList(cp, entries);
                fromFile[i] = loadFile(cp, file);
            }
            double[] single = {singleUpdates(), singleUpdates(), singleUpdates()};
            report("raw batch (pre-encoded, BPF_MAP_UPDATE_BATCH only)", raw);
            report("entries file, fresh JVM (cold)", fileCold);
            report("entries file, fresh JVM, tiered JIT", fileColdTiered);
            report("entries file, warm", fromFile);
            System.out.printf("%-52s %.3f s (the first load of this JVM)%n", "EntrySpec list, cold", listCold);
            report("EntrySpec list, warm", list);
            report("single BPF_MAP_UPDATE_ELEM per entry", single);
        } finally {
            Files.delete(file);
        }
    }

    /** Runs {@link ColdLoad} in a new JVM and returns the time it reports. */
    private static double loadInFreshJvm(Path file, List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdLoad.class.getName(),
                file.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the fresh JVM failed: " + out);
        }
        return Double.parseDouble(out.substring(out.lastIndexOf(' ') + 1));
    }

    static ControlPlane controlPlane() throws IOException, dev.p4ebpf.ebpf.controlplane.ControlPlaneException {
        try (InputStream in = LpmBulkBenchmark.class.getResourceAsStream("/dev/p4ebpf/driver/table/tables.json")) {
            return ControlPlaneJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "tables.json");
        }
    }

    private static String prefix(int i) {
        return (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255) + ".0/24";
    }

    private static void writeEntries(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("{ \"entries\": [\n");
            for (int i = 0; i < N; i++) {
                w.write((i == 0 ? "" : ",\n") + "  { \"table\": \"ipv4_lpm\", \"key\": { \"dstAddr\": \"" + prefix(i)
                        + "\" }, \"action\": \"set_nhop\", \"args\": { \"dmac\": \"00:11:22:33:44:55\", \"port\": \""
                        + (i & 0xffff) + "\" } }");
            }
            w.write("\n] }\n");
        }
    }

    private static double loadList(ControlPlane cp, List<EntrySpec> entries) {
        return timed(cp, tables -> tables.load(entries, List.of()));
    }

    private static double loadFile(ControlPlane cp, Path file) {
        return timed(cp, tables -> tables.load(file));
    }

    /** Seconds {@code load} takes into a fresh, empty LPM trie. */
    static double timed(ControlPlane cp, java.util.function.Function<Tables, BulkLoader.Result> load) {
        try (BpfMap trie = lpmMap(); BpfMap def = BpfMap.create(MapAttributes.of("def", Uapi.BPF_MAP_TYPE_ARRAY, 4, 12,
                1, 0)); Tables tables = new Tables(cp, name -> name.equals("ipv4_lpm") ? trie : def)) {
            long t0 = System.nanoTime();
            BulkLoader.Result r = load.apply(tables);
            long t1 = System.nanoTime();
            if (r.entries() != N) {
                throw new IllegalStateException(r.entries() + " entries loaded");
            }
            return (t1 - t0) / 1e9;
        }
    }

    private static double rawBatch() {
        byte[] keys = new byte[N * 8];
        byte[] values = new byte[N * 12];
        for (int i = 0; i < N; i++) {
            keys[i * 8] = 24;
            keys[i * 8 + 4] = (byte) (i >> 16);
            keys[i * 8 + 5] = (byte) (i >> 8);
            keys[i * 8 + 6] = (byte) i;
        }
        try (BpfMap trie = lpmMap()) {
            long t0 = System.nanoTime();
            MapBatch.Result r = MapBatch.update(trie, keys, values, N, Uapi.BPF_ANY);
            long t1 = System.nanoTime();
            if (r.done() != N) {
                throw new IllegalStateException(r.done() + " entries written");
            }
            return (t1 - t0) / 1e9;
        }
    }

    private static double singleUpdates() {
        try (BpfMap trie = lpmMap()) {
            byte[] key = new byte[8];
            byte[] value = new byte[12];
            long t0 = System.nanoTime();
            for (int i = 0; i < N; i++) {
                key[0] = 24;
                key[4] = (byte) (i >> 16);
                key[5] = (byte) (i >> 8);
                key[6] = (byte) i;
                trie.update(key, value, Uapi.BPF_ANY);
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static void report(String what, double[] seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        StringBuilder runs = new StringBuilder();
        for (double s : seconds) {
            runs.append(runs.isEmpty() ? "" : ", ").append(String.format("%.3f", s));
        }
        System.out.printf("%-52s %.3f s median of %d (%s)%n", what, sorted[sorted.length / 2], seconds.length, runs);
    }

    static BpfMap lpmMap() {
        return BpfMap.create(MapAttributes.of("ipv4_lpm", Uapi.BPF_MAP_TYPE_LPM_TRIE, 8, 12, N, Uapi.BPF_F_NO_PREALLOC));
    }

    /** The cold run: one load of the entries file in a JVM that has done nothing else; prints its time. */
    static final class ColdLoad {
        public static void main(String[] args) throws Exception {
            ControlPlane cp = controlPlane();
            System.out.printf("cold %.3f%n", timed(cp, tables -> tables.load(Path.of(args[0]))));
        }
    }
}
