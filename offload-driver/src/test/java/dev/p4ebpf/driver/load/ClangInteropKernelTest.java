package dev.p4ebpf.driver.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.map.MapBatch;
import dev.p4ebpf.driver.prog.BpfProgram;
import dev.p4ebpf.driver.prog.TestRun;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.driver.testutil.Bpftool;
import dev.p4ebpf.driver.testutil.KernelFeatures;
import dev.p4ebpf.driver.testutil.Leaks;
import dev.p4ebpf.driver.testutil.TestNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Objects compiled by {@code clang -O2 -g -target bpf} from the C programs in the test resources
 * (BTF-defined .maps, a .text subprogram, relocations) load with our driver and with bpftool, and
 * the same packets give the same verdict, output packet and map contents under both. Needs root,
 * Linux 5.10, clang and bpftool (skipped with the reason when absent; CI installs them).
 */
class ClangInteropKernelTest {
    private static Path work;
    private static Path bpffsDir;
    private static String clang;

    private static final byte[] IPV4 = frame(0x0800);
    private static final byte[] ARP = frame(0x0806);

    private static byte[] frame(int ethertype) {
        byte[] f = new byte[64];
        byte[] dst = HexFormat.ofDelimiter(":").parseHex("02:00:00:00:00:0b");
        byte[] src = HexFormat.ofDelimiter(":").parseHex("02:00:00:00:00:0a");
        System.arraycopy(dst, 0, f, 0, 6);
        System.arraycopy(src, 0, f, 6, 6);
        f[12] = (byte) (ethertype >> 8);
        f[13] = (byte) ethertype;
        return f;
    }

    @BeforeAll
    static void compile() throws IOException {
        KernelFeatures.requireRootAndKernel(5, 10, "loading clang-built BPF objects");
        clang = findClang();
        assumeTrue(clang != null, "clang is not installed (apt-get install clang-19 llvm-19, or clang); CI installs it");
        assumeTrue(Bpftool.available(), "bpftool is not installed (apt-get install bpftool); CI installs it");
        work = Files.createTempDirectory("p4ebpf-interop");
        for (String name : List.of("defs.h", "xdp_count.c", "tc_len.c")) {
            try (InputStream in = ClangInteropKernelTest.class.getResourceAsStream("/dev/p4ebpf/driver/interop/" + name)) {
                Files.copy(in, work.resolve(name));
            }
        }
        for (String name : List.of("xdp_count", "tc_len")) {
            TestNetwork.run(List.of(clang, "-O2", "-g", "-target", "bpf", "-I" + work, "-c",
                    work.resolve(name + ".c").toString(), "-o", work.resolve(name + ".o").toString()));
        }
        dev.p4ebpf.driver.pin.Bpffs.ensureMounted(dev.p4ebpf.driver.pin.Bpffs.DEFAULT_MOUNT);
        bpffsDir = Path.of("/sys/fs/bpf", "p4ebpf-test-interop-" + ProcessHandle.current().pid());
        Files.createDirectories(bpffsDir);
    }

    @AfterAll
    static void clean() throws IOException {
        if (bpffsDir != null) {
            delete(bpffsDir);
        }
        if (work != null) {
            delete(work);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** clang on PATH, or Debian's versioned clang-NN / /usr/lib/llvm-NN/bin/clang; null when none. */
    private static String findClang() {
        List<Path> candidates = new java.util.ArrayList<>();
        Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .forEach(d -> candidates.add(Path.of(d, "clang")));
        for (int v = 30; v >= 11; v--) {
            candidates.add(Path.of("/usr/bin", "clang-" + v));
            candidates.add(Path.of("/usr/lib/llvm-" + v, "bin", "clang"));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Path::toString).orElse(null);
    }

    @Test
    void xdpObjectRunsTheSameUnderOurDriverAndBpftool_kernel_5_10() throws IOException {
        Set<String> fds = Leaks.bpfFds();
        Path object = work.resolve("xdp_count.o");
        RunResult[] ours = new RunResult[2];
        Map<String, Map<String, String>> ourMaps;
        try (LoadedObject loaded = ObjectLoader.load(object, LoadOptions.DEFAULT)) {
            assertEquals(List.of("xdp_count"), List.copyOf(loaded.programs().keySet()));
            assertEquals(Set.of("counts", "seen"), loaded.maps().keySet());
            BpfProgram prog = loaded.program(java.util.Optional.empty());
            ours[0] = ours(prog, IPV4);
            ours[1] = ours(prog, ARP);
            ourMaps = dump(loaded.maps());
        }
        assertEquals(fds, Leaks.bpfFds(), "descriptors left open");
        assertEquals(Uapi.XDP_TX, ours[0].retval());
        assertEquals(Uapi.XDP_DROP, ours[1].retval());
        assertEquals("02:00:00:00:00:0a", HexFormat.ofDelimiter(":").formatHex(ours[0].packet(), 0, 6), "MACs swapped");

        Path dir = bpffsDir.resolve("xdp");
        TestNetwork.run(List.of("bpftool", "prog", "loadall", object.toString(), dir.toString(), "pinmaps",
                dir.resolve("maps").toString()));
        RunResult theirsIpv4 = bpftoolRun(dir.resolve("xdp_count"), IPV4);
        RunResult theirsArp = bpftoolRun(dir.resolve("xdp_count"), ARP);
        assertEquals(ours[0], theirsIpv4);
        assertEquals(ours[1], theirsArp);
        Map<String, Map<String, String>> theirMaps = new TreeMap<>();
        for (String m : List.of("counts", "seen")) {
            try (BpfMap map = BpfMap.fromPin(dir.resolve("maps").resolve(m))) {
                theirMaps.putAll(dump(Map.of(m, map)));
            }
        }
        assertEquals(ourMaps, theirMaps);
        assertEquals(Map.of("00000000", "0100000000000000", "01000000", "0100000000000000"), ourMaps.get("counts"));
    }

    @Test
    void tcObjectRunsTheSameUnderOurDriverAndBpftool_kernel_5_10() throws IOException {
        Path object = work.resolve("tc_len.o");
        byte[] small = new byte[40];
        small[12] = 0x08;
        RunResult oursBig;
        RunResult oursSmall;
        try (LoadedObject loaded = ObjectLoader.load(object, LoadOptions.DEFAULT)) {
            BpfProgram prog = loaded.program(java.util.Optional.of("tc_len"));
            assertEquals(Uapi.BPF_PROG_TYPE_SCHED_CLS, prog.info().type());
            oursBig = ours(prog, IPV4);
            oursSmall = ours(prog, small);
        }
        assertEquals(Uapi.TC_ACT_OK, oursBig.retval());
        assertEquals(64, oursBig.packet()[14]);
        assertEquals(Uapi.TC_ACT_SHOT, oursSmall.retval());
        Path dir = bpffsDir.resolve("tc");
        TestNetwork.run(List.of("bpftool", "prog", "loadall", object.toString(), dir.toString()));
        assertEquals(oursBig, bpftoolRun(dir.resolve("tc_len"), IPV4));
        assertEquals(oursSmall, bpftoolRun(dir.resolve("tc_len"), small));
    }

    /** A verdict and output packet; equal when both are. */
    record RunResult(int retval, byte[] packet) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RunResult r && r.retval == retval && java.util.Arrays.equals(r.packet, packet);
        }

        @Override
        public int hashCode() {
            return retval * 31 + java.util.Arrays.hashCode(packet);
        }

        @Override
        public String toString() {
            return "verdict " + retval + ", packet " + HexFormat.of().formatHex(packet);
        }
    }

    private static RunResult ours(BpfProgram prog, byte[] packet) {
        TestRun.Result r = TestRun.run(prog, packet, 1);
        return new RunResult(r.retval(), r.packet());
    }

    private static final Pattern RETURN = Pattern.compile("Return value: (\\d+)");

    private static RunResult bpftoolRun(Path pinned, byte[] packet) throws IOException {
        Path in = work.resolve("in.bin");
        Path out = work.resolve("out.bin");
        Files.write(in, packet);
        Files.deleteIfExists(out);
        String printed = TestNetwork.run(List.of("bpftool", "prog", "run", "pinned", pinned.toString(), "data_in",
                in.toString(), "data_out", out.toString(), "repeat", "1"));
        Matcher m = RETURN.matcher(printed);
        assertTrue(m.find(), "bpftool printed no return value: " + printed);
        return new RunResult(Integer.parseInt(m.group(1)), Files.readAllBytes(out));
    }

    private static Map<String, Map<String, String>> dump(Map<String, BpfMap> maps) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (var e : maps.entrySet()) {
            Map<String, String> entries = new TreeMap<>();
            for (MapBatch.Entry me : MapBatch.dump(e.getValue())) {
                entries.put(HexFormat.of().formatHex(me.key()), HexFormat.of().formatHex(me.value()));
            }
            out.put(e.getKey(), entries);
        }
        return out;
    }
}
