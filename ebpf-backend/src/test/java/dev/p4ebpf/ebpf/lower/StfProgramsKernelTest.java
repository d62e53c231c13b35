package dev.p4ebpf.ebpf.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The eBPF STF programs of the conformance module ({@code stf/ebpf/*-xdp.p4}) in the kernel
 * (BPF_PROG_TEST_RUN, Linux ≥ 5.10, root), each packet against the expectations written after it:
 * an {@code expect} means the program sends the packet on (XDP_PASS or XDP_TX) with those bytes
 * (exactly, with {@code $}; as a prefix without), no {@code expect} that it drops it. These files
 * use {@code packet}, {@code expect} and {@code check_counter}; counters are read here by
 * nobody and files with table entries are left out (this module has no control plane): the
 * conformance module's kernel target checks them, and runs every file against the reference
 * interpreter too.
 */
class StfProgramsKernelTest {
    private static final Path DIR = Path.of("../conformance/src/test/resources/stf/ebpf");

    private record Expect(byte[] bytes, boolean exact) {}

    private record Packet(int line, byte[] in, List<Expect> out) {}

    @TestFactory
    List<DynamicTest> ebpfStfProgramsRunInTheKernel_linux5_10() throws IOException {
        var tests = new ArrayList<DynamicTest>();
        try (Stream<Path> s = Files.list(DIR)) {
            for (Path p4 : s.filter(p -> p.toString().endsWith("-xdp.p4")).sorted().toList()) {
                Path stf = p4.resolveSibling(p4.getFileName().toString().replace(".p4", ".stf"));
                if (usesTables(stf)) {
                    continue; // table entries need the control plane: the conformance kernel target runs these
                }
                tests.add(DynamicTest.dynamicTest(p4.getFileName().toString(), () -> run(p4, stf)));
            }
        }
        assertTrue(!tests.isEmpty(), "no STF programs in " + DIR.toAbsolutePath());
        return tests;
    }

    private static void run(Path p4, Path stf) throws Exception {
        String name = p4.getFileName().toString();
        List<Packet> packets = parse(stf);
        try (P4Kernel k = P4Kernel.load(P4Compile.xdp(name, Files.readString(p4)))) {
            for (Packet p : packets) {
                P4Kernel.Result r = k.run(p.in());
                String where = name + " packet at line " + p.line() + " (verdict " + r.verdict() + ", out " + r.hex() + ")";
                if (p.out().isEmpty()) {
                    assertTrue(r.verdict() == P4Kernel.XDP_DROP || r.verdict() == P4Kernel.XDP_ABORTED,
                            where + ": expected a drop");
                    continue;
                }
                assertTrue(r.verdict() == P4Kernel.XDP_PASS || r.verdict() == P4Kernel.XDP_TX, where + ": expected a packet");
                Expect e = p.out().getFirst();
                byte[] got = e.exact() ? r.packet() : Arrays.copyOf(r.packet(), Math.min(r.packet().length, e.bytes().length));
                assertArrayEquals(e.bytes(), got, where);
            }
        }
    }

    private static boolean usesTables(Path stf) throws IOException {
        return Files.readAllLines(stf).stream().map(String::strip)
                .anyMatch(l -> l.startsWith("add ") || l.startsWith("setdefault "));
    }

    private static List<Packet> parse(Path stf) throws IOException {
        var out = new ArrayList<Packet>();
        List<String> lines = Files.readAllLines(stf);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] w = l.split("\\s+");
            boolean exact = w[w.length - 1].equals("$");
            String hex = String.join("", Arrays.copyOfRange(w, 2, exact ? w.length - 1 : w.length));
            switch (w[0]) {
                case "packet" -> out.add(new Packet(i + 1, P4Kernel.bytes(hex), new ArrayList<>()));
                case "expect" -> out.getLast().out().add(new Expect(P4Kernel.bytes(hex), exact));
                case "check_counter" -> { }
                default -> fail(stf + ":" + (i + 1) + ": this runner reads only packet and expect lines");
            }
        }
        return out;
    }
}
