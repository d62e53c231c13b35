package dev.p4ebpf.conformance.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.p4ebpf.ebpf.lower.EbpfLowering;
import dev.p4ebpf.ir.Program;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects p4ebpf compiles load with the standard tools, not only with our driver: every program
 * (see {@link CompiledObjects}) with {@code bpftool prog loadall}; XDP objects with
 * {@code ip link set dev D xdpgeneric obj O sec xdp}; tc objects with
 * {@code tc filter add dev D ingress bpf da obj O sec tc}. ebpfFilter programs are compiled for
 * both hooks. The interfaces are a veth pair in a network namespace the test creates and removes.
 * Needs root and bpftool and iproute2 (Debian packages bpftool, iproute2), and Linux 5.10 or later
 * (BTF-defined maps, bpffs).
 */
class StandardToolsLoadTest {
    private static final long TIMEOUT_SECONDS = 60;
    private static final String NETNS = "p4ebpf-tools-" + ProcessHandle.current().pid();

    @TempDir
    static Path dir;
    private static final List<CompiledObjects.Compiled> objects = new ArrayList<>();

    @BeforeAll
    static void compileAll() throws IOException {
        for (Path source : CompiledObjects.sources()) {
            Program program = CompiledObjects.midend(source);
            EbpfLowering.Hook hook = EbpfLowering.defaultHook(program);
            objects.add(CompiledObjects.compile(source, program, hook, dir));
            if (hook == EbpfLowering.Hook.TC) {
                objects.add(CompiledObjects.compile(source, program, EbpfLowering.Hook.XDP, dir));
            }
        }
    }

    private static void assumeToolsAndRoot(String... tools) {
        assumeTrue("root".equals(System.getProperty("user.name")), "loading BPF programs needs root");
        for (String t : tools) {
            assumeTrue(onPath(t), t + " is not installed (Debian: apt-get install bpftool iproute2)");
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }

    /** Runs a command; returns its exit status and output. */
    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
            return new Result(-1, String.join(" ", command) + ": timed out");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int status, String output) {}

    private static void check(Result r, String what) {
        assertTrue(r.status() == 0, what + " failed (status " + r.status() + "):\n" + r.output());
    }

    @Test
    void bpftoolLoadsEveryObject() throws Exception {
        assumeToolsAndRoot("bpftool");
        Path bpffs = Path.of("/sys/fs/bpf");
        assumeTrue(Files.isDirectory(bpffs), "bpffs is not mounted at /sys/fs/bpf");
        var failures = new ArrayList<String>();
        int i = 0;
        for (CompiledObjects.Compiled c : objects) {
            Path pin = bpffs.resolve(NETNS + "-" + i++);
            try {
                Result r = run("bpftool", "prog", "loadall", c.object().toString(), pin.toString());
                if (r.status() != 0) {
                    failures.add(c + ":\n" + tail(r.output()));
                }
            } finally {
                run("rm", "-rf", pin.toString());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + objects.size()
                + " objects were refused by bpftool:\n" + String.join("\n", failures));
    }

    @Test
    void ipAttachesXdpObjectsAndTcAttachesTcObjects() throws Exception {
        assumeToolsAndRoot("ip", "tc");
        check(run("ip", "netns", "add", NETNS), "ip netns add");
        try {
            check(run("ip", "-n", NETNS, "link", "add", "p4a", "type", "veth", "peer", "name", "p4b"), "veth");
            check(run("ip", "-n", NETNS, "link", "set", "p4a", "up"), "link up");
            check(run("ip", "-n", NETNS, "link", "set", "p4b", "up"), "link up");
            check(run("tc", "-n", NETNS, "qdisc", "add", "dev", "p4b", "clsact"), "tc qdisc add clsact");
            var failures = new ArrayList<String>();
            for (CompiledObjects.Compiled c : objects) {
                String problem = c.hook() == EbpfLowering.Hook.XDP ? attachXdp(c) : attachTc(c);
                if (problem != null) {
                    failures.add(c + ": " + problem);
                }
            }
            assertTrue(failures.isEmpty(), failures.size() + " of " + objects.size()
                    + " objects could not be attached with iproute2:\n" + String.join("\n", failures));
        } finally {
            run("ip", "netns", "del", NETNS);
        }
    }

    /** Attaches with ip (generic XDP), checks the interface shows it, detaches; null when all went well. */
    private static String attachXdp(CompiledObjects.Compiled c) throws IOException, InterruptedException {
        Result r = run("ip", "-n", NETNS, "link", "set", "dev", "p4a", "xdpgeneric", "obj", c.object().toString(),
                "sec", "xdp");
        if (r.status() != 0) {
            return "ip link set xdpgeneric obj failed:\n" + tail(r.output());
        }
        try {
            Result show = run("ip", "-n", NETNS, "link", "show", "dev", "p4a");
            return show.output().contains("prog/xdp") ? null : "the interface shows no XDP program:\n" + show.output();
        } finally {
            run("ip", "-n", NETNS, "link", "set", "dev", "p4a", "xdpgeneric", "off");
        }
    }

    /** Attaches with tc (cls_bpf, direct action) on ingress, checks it is listed, deletes it. */
    private static String attachTc(CompiledObjects.Compiled c) throws IOException, InterruptedException {
        Result r = run("tc", "-n", NETNS, "filter", "add", "dev", "p4b", "ingress", "bpf", "da", "obj",
                c.object().toString(), "sec", "tc");
        if (r.status() != 0) {
            return "tc filter add bpf da obj failed:\n" + tail(r.output());
        }
        try {
            Result show = run("tc", "-n", NETNS, "filter", "show", "dev", "p4b", "ingress");
            return show.output().contains("direct-action") ? null : "tc lists no bpf filter:\n" + show.output();
        } finally {
            run("tc", "-n", NETNS, "filter", "del", "dev", "p4b", "ingress");
        }
    }

    private static String tail(String s) {
        String[] lines = s.strip().split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 15), lines.length));
    }
}
