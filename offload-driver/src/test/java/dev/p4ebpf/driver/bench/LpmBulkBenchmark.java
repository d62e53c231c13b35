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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A benchmark, not a test (tagged {@code benchmark}, so it never runs with the tests): installs one million LPM entries given in P4 terms through the table
 * API's batch path (twice: cold and warm JVM), the same entries pre-encoded through the batch
 * command alone, and through single BPF_MAP_UPDATE_ELEM calls, and prints the times. Run it as root
 * with {@code mvn -Dbenchmarks -pl offload-driver -am test} (results in
 * {@code offload-driver/target/surefire-reports/*LpmBulkBenchmark-output.txt}).
 */
@org.junit.jupiter.api.Tag("benchmark")
class LpmBulkBenchmark {
    private static final int N = 1_000_000;

    @org.junit.jupiter.api.Test
    void millionLpmEntries() throws Exception {
        dev.p4ebpf.driver.testutil.KernelFeatures.requireRootAndKernel(5, 10, "the LPM benchmark (BPF maps)");
        ControlPlane cp;
        try (InputStream in = LpmBulkBenchmark.class.getResourceAsStream("/dev/p4ebpf/driver/table/tables.json")) {
            cp = ControlPlaneJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "tables.json");
        }
        List<EntrySpec> entries = new ArrayList<>(N);
        for (int i = 0; i < N; i++) {
            String prefix = (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255) + ".0/24";
            entries.add(new EntrySpec("ipv4_lpm", Map.of("dstAddr", prefix), "set_nhop",
                    Map.of("dmac", "00:11:22:33:44:55", "port", Integer.toString(i & 0xffff)), null));
        }
        for (int round = 0; round < 2; round++) {
            try (BpfMap trie = lpmMap(); BpfMap def = BpfMap.create(MapAttributes.of("def", Uapi.BPF_MAP_TYPE_ARRAY, 4,
                    12, 1, 0)); Tables tables = new Tables(cp, name -> name.equals("ipv4_lpm") ? trie : def)) {
                long t0 = System.nanoTime();
                long cpu0 = cpuNanos();
                BulkLoader.Result r = new BulkLoader(tables).load(entries, List.of());
                long t1 = System.nanoTime();
                System.out.printf("batch:  %,d LPM entries (parse, check, encode, %d batch calls) in %.3f s"
                        + " (process CPU %.3f s)%n", r.entries(), r.batchCalls(), (t1 - t0) / 1e9,
                        (cpuNanos() - cpu0) / 1e9);
            }
        }
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
            long cpu0 = cpuNanos();
            MapBatch.Result r = MapBatch.update(trie, keys, values, N, Uapi.BPF_ANY);
            long t1 = System.nanoTime();
            System.out.printf("raw:    %,d pre-encoded LPM entries through BPF_MAP_UPDATE_BATCH in %.3f s"
                    + " (process CPU %.3f s)%n", r.done(), (t1 - t0) / 1e9, (cpuNanos() - cpu0) / 1e9);
        }
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
            long t1 = System.nanoTime();
            System.out.printf("single: %,d BPF_MAP_UPDATE_ELEM calls in %.3f s (%.0f ns each)%n", N, (t1 - t0) / 1e9,
                    (t1 - t0) / (double) N);
        }
    }

    /** CPU time of the whole process (user + system, all threads), less sensitive to other load on the machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static BpfMap lpmMap() {
        return BpfMap.create(MapAttributes.of("ipv4_lpm", Uapi.BPF_MAP_TYPE_LPM_TRIE, 8, 12, N, Uapi.BPF_F_NO_PREALLOC));
    }
}
