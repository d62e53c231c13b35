package dev.p4ebpf.cli;

import static dev.p4ebpf.ebpf.insn.Reg.FP;
import static dev.p4ebpf.ebpf.insn.Reg.R0;
import static dev.p4ebpf.ebpf.insn.Reg.R1;
import static dev.p4ebpf.ebpf.insn.Reg.R2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.p4ebpf.driver.netns.NetnsExecutor;
import dev.p4ebpf.driver.pin.Bpffs;
import dev.p4ebpf.driver.sys.Native;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.ebpf.elf.ElfWriter;
import dev.p4ebpf.ebpf.insn.Alu64;
import dev.p4ebpf.ebpf.insn.AtomicOp;
import dev.p4ebpf.ebpf.insn.Call;
import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.insn.Jmp;
import dev.p4ebpf.ebpf.insn.Label;
import dev.p4ebpf.ebpf.insn.LdImm64;
import dev.p4ebpf.ebpf.insn.Mem;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.MapType;
import dev.p4ebpf.ebpf.object.ObjectBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The driver commands end to end: an object written by ebpf-backend's ELF writer, its prog.json,
 * {@code run} with {@code ns_per_packet}, and load → list → table → counters → unload on a veth
 * in a private network namespace, with pins on a private bpf file system. Needs root and Linux 6.6.
 */
class DriverCommandsKernelTest {
    private static Path work;
    private static Path bpffs;
    private static String netns;
    private static NetnsExecutor ns;

    private static final String CONTROL = """
            { "format": 1, "program": "cli.p4", "architecture": "xdp",
              "tables": [ { "name": "ingress.mac", "controlPlaneName": "mac",
                "keys": [ { "name": "hdr.ethernet.dstAddr", "controlPlaneName": "dstAddr", "bitWidth": 48,
                            "match": "exact", "byteOffset": 0, "byteSize": 6, "byteOrder": "big" } ],
                "actions": [ { "name": "ingress.forward", "controlPlaneName": "forward", "id": 1,
                               "params": [ { "name": "port", "bitWidth": 32, "byteOffset": 4, "byteSize": 4,
                                             "byteOrder": "little" } ] },
                             { "name": "ingress.drop", "controlPlaneName": "drop", "id": 2 } ],
                "size": 16, "defaultAction": { "action": "drop" }, "defaultActionConst": false,
                "maps": { "kind": "exact", "map": "mac", "mapType": "hash", "keySize": 8, "defaultMap": "mac_def" },
                "value": { "size": 8, "actionIdOffset": 0, "priorityOffset": -1 },
                "entries": [], "entriesConst": false } ],
              "counters": [ { "name": "ingress.hits", "controlPlaneName": "hits", "kind": "packets",
                              "perCpu": false, "map": "hits", "size": 1 } ] }
            """;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(isRoot(), "the driver commands need root; skipped because this test does not run as root");
        work = Files.createTempDirectory("p4ebpf-cli");
        ObjectBuilder ob = new ObjectBuilder("GPL", s -> Optional.empty());
        ob.map(MapSpec.of("hits", MapType.ARRAY, 1, 0, 4, 0, 8));
        ob.map(MapSpec.of("mac", MapType.HASH, 16, 0, 8, 0, 8));
        ob.map(MapSpec.of("mac_def", MapType.ARRAY, 1, 0, 4, 0, 8));
        Label done = Label.of("done");
        ob.program("xdp", "count_pass", Code.builder()
                .emit(Mem.st(Size.W, FP, -4, 0)).emit(Alu64.MOV.reg(R2, FP)).emit(Alu64.ADD.imm(R2, -4))
                .emit(LdImm64.map(R1, "hits")).emit(Call.helper(Helper.MAP_LOOKUP_ELEM))
                .emit(Jmp.JEQ.imm(R0, 0, done)).emit(Alu64.MOV.imm(R1, 1))
                .emit(Mem.atomic(Size.DW, AtomicOp.ADD, R0, 0, R1)).bind(done)
                .emit(Alu64.MOV.imm(R0, Uapi.XDP_PASS)).emit(Jmp.exit()).build());
        ElfWriter.write(ob.build(), work.resolve("prog.o"));
        Files.writeString(work.resolve("prog.json"), CONTROL);
        bpffs = work.resolve("bpffs");
        Files.createDirectories(bpffs);
        Bpffs.ensureMounted(bpffs);
        netns = "p4c-" + ProcessHandle.current().pid();
        sh("ip", "netns", "add", netns);
        sh("ip", "-n", netns, "link", "add", "p4a", "type", "veth", "peer", "name", "p4b");
        sh("ip", "-n", netns, "link", "set", "p4b", "up");
        ns = NetnsExecutor.enter(Path.of("/run/netns", netns));
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (ns != null) {
            ns.close();
            sh("ip", "netns", "del", netns);
        }
        if (bpffs != null) {
            Native.umount2(bpffs.toString(), Uapi.MNT_DETACH);
        }
        if (work != null) {
            try (Stream<Path> all = Files.walk(work)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private record Run(int status, String out, String err) {}

    private static Run p4ebpf(String... args) {
        return ns.call(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = new Main(Commands.all(), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        });
    }

    @Test
    void runPrintsVerdictPacketAndNsPerPacket_kernel_5_10() {
        String frame = "02000000000b02000000000a0800" + "00".repeat(46);
        Run r = p4ebpf("run", work.resolve("prog.o").toString(), "--packet", frame, "--repeat", "1000");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("verdict 2 (XDP_PASS)", lines.get(0));
        assertEquals("packet " + frame, lines.get(1));
        assertTrue(lines.get(2).matches("ns_per_packet \\d+"), lines.get(2));
    }

    @Test
    void loadListTableCountersUnload_kernel_6_6() {
        String obj = work.resolve("prog.o").toString();
        String control = work.resolve("prog.json").toString();
        String pin = bpffs.resolve("p4ebpf").toString();
        Run load = p4ebpf("load", obj, "--dev", "p4b", "--mode", "xdp-generic", "--pin", pin);
        assertEquals(0, load.status(), load.err());
        assertTrue(load.out().startsWith("loaded: p4b (netns "), load.out());
        Run list = p4ebpf("list", "--pin", pin);
        assertTrue(list.out().contains("xdp-generic  via link"), list.out());
        assertTrue(list.out().contains("maps: hits, mac, mac_def"), list.out());
        Run add = p4ebpf("table", "add", "mac", "dstAddr=00:11:22:33:44:55", "forward", "port=3", "--dev", "p4b",
                "--control", control, "--pin", pin);
        assertEquals(0, add.status(), add.err());
        Run bad = p4ebpf("table", "add", "mac", "dstAddr=00:11:22:33:44:55:66", "forward", "port=3", "--dev", "p4b",
                "--control", control, "--pin", pin);
        assertEquals(1, bad.status());
        assertTrue(bad.err().startsWith("p4ebpf table: Bad value for key field dstAddr (exact, bit<48>) of table mac"),
                bad.err());
        Run setDefault = p4ebpf("table", "set-default", "mac", "forward", "port=9", "--dev", "p4b", "--control",
                control, "--pin", pin);
        assertEquals(0, setDefault.status(), setDefault.err());
        Run dump = p4ebpf("table", "dump", "--dev", "p4b", "--control", control, "--pin", pin);
        assertEquals("mac: 1 entries, default forward(port=0x9)\n  dstAddr=00:11:22:33:44:55 -> forward(port=0x3)\n",
                dump.out());
        Run counters = p4ebpf("counters", "--dev", "p4b", "--control", control, "--pin", pin);
        assertEquals("hits:\n  [0] packets 0\n", counters.out());
        Run unload = p4ebpf("unload", "--dev", "p4b", "--pin", pin);
        assertEquals(0, unload.status(), unload.err());
        assertTrue(p4ebpf("list", "--pin", pin).out().startsWith("nothing loaded"));
    }

    /** The same commands from the test's own namespace, with {@code --netns}: they reach p4b there. */
    @Test
    void netnsOptionRunsTheCommandInThatNamespace_kernel_6_6() {
        String obj = work.resolve("prog.o").toString();
        String control = work.resolve("prog.json").toString();
        String pin = bpffs.resolve("p4ebpf").toString();
        Run load = here("load", obj, "--netns", netns, "--dev", "p4b", "--mode", "xdp-generic", "--pin", pin);
        assertEquals(0, load.status(), load.err());
        try {
            Run dump = here("table", "dump", "--netns", netns, "--dev", "p4b", "--mode", "xdp-generic", "--control",
                    control, "--pin", pin);
            assertEquals("mac: 0 entries, default drop()\n", dump.out(), dump.err());
        } finally {
            Run unload = here("unload", "--netns", netns, "--dev", "p4b", "--mode", "xdp-generic", "--pin", pin);
            assertEquals(0, unload.status(), unload.err());
        }
        Run missing = here("unload", "--netns", netns + "-missing", "--dev", "p4b", "--pin", pin);
        assertEquals(1, missing.status());
        assertTrue(missing.err().startsWith("p4ebpf unload: There is no network namespace " + netns + "-missing"),
                missing.err());
        assertEquals(2, here("unload", "--netns", "../etc", "--dev", "p4b").status());
    }

    private static Run here(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Main(Commands.all(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runInstallsStfAndJsonEntriesFirst_kernel_5_10() throws IOException {
        Path stf = work.resolve("entries.stf");
        Files.writeString(stf, """
                # table entries for the run
                add mac dstAddr:0x001122334455 ingress.forward(port:3)
                setdefault mac forward(port:9)
                packet 0 02000000000B02000000000A08000000
                """);
        String frame = "02000000000b02000000000a0800" + "00".repeat(46);
        Run r = p4ebpf("run", work.resolve("prog.o").toString(), "--entries", stf.toString(), "--packet", frame);
        assertEquals(0, r.status(), r.err());
        Path json = work.resolve("entries.json");
        Files.writeString(json, "{ \"entries\": [ { \"table\": \"mac\", \"key\": { \"dstAddr\": \"1\" },"
                + " \"action\": \"forward\", \"args\": { \"port\": \"99999999999\" } } ] }");
        Run bad = p4ebpf("run", work.resolve("prog.o").toString(), "--entries", json.toString(), "--packet", frame);
        assertEquals(1, bad.status());
        assertTrue(bad.err().startsWith("p4ebpf run: Entry 1 (table mac): Bad value for parameter port (bit<32>)"),
                bad.err());
    }

    @Test
    void loadReplaceSwapsTheProgramInPlace_kernel_6_6() {
        String obj = work.resolve("prog.o").toString();
        String pin = bpffs.resolve("p4ebpf").toString();
        Run first = p4ebpf("load", obj, "--dev", "p4b", "--mode", "xdp", "--pin", pin);
        assertEquals(0, first.status(), first.err());
        Run replaced = p4ebpf("load", obj, "--dev", "p4b", "--mode", "xdp", "--pin", pin, "--replace");
        assertEquals(0, replaced.status(), replaced.err());
        assertTrue(replaced.out().startsWith("replaced: p4b"), replaced.out());
        Run again = p4ebpf("load", obj, "--dev", "p4b", "--mode", "xdp", "--pin", pin);
        assertEquals(1, again.status());
        assertTrue(again.err().contains("already has a program on p4b"), again.err());
        Run tc = p4ebpf("load", obj, "--dev", "p4b", "--mode", "tc-ingress", "--pin", pin);
        assertEquals(1, tc.status());
        assertTrue(tc.err().contains("that hook runs sched_cls programs"), tc.err());
        assertEquals(0, p4ebpf("unload", "--dev", "p4b", "--pin", pin).status());
        assertTrue(p4ebpf("list", "--pin", pin).out().startsWith("nothing loaded"));
    }

    @Test
    void aMissingInterfaceIsOneParagraphAndExitStatus1_kernel_6_6() {
        Run r = p4ebpf("load", work.resolve("prog.o").toString(), "--dev", "nope0", "--pin",
                bpffs.resolve("p4ebpf").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("p4ebpf load: There is no network interface nope0 in this network namespace"),
                r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    private static boolean isRoot() {
        try {
            return Files.readString(Path.of("/proc/self/status")).lines().filter(l -> l.startsWith("Uid:"))
                    .anyMatch(l -> l.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void sh(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": "
                    + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
