package dev.p4ebpf.ebpf.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Preconditions of kernel tests: root, a minimum kernel version, tools; skipped with the reason. */
public final class Kernel {
    private Kernel() {
    }

    public static boolean root() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** Skips unless running as root on Linux ≥ major.minor with the given tools installed. */
    public static void require(int major, int minor, String feature, String... tools) {
        assumeTrue(System.getProperty("os.name").equals("Linux"), feature + " needs Linux");
        assumeTrue(root(), feature + " needs root");
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(System.getProperty("os.version"));
        assumeTrue(m.find(), "cannot tell the kernel version from " + System.getProperty("os.version"));
        int maj = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        assumeTrue(maj > major || (maj == major && min >= minor),
                feature + " needs Linux >= " + major + "." + minor + ", this is " + System.getProperty("os.version"));
        for (String t : tools) {
            assumeTrue(Tools.onPath(t).isPresent(), feature + " needs " + t + " (Debian: apt-get install "
                    + (t.equals("bpftool") ? "bpftool" : "iproute2") + ")");
        }
    }

    /** A fresh directory on the BPF file system for pins. */
    public static Path pinDir(String name) throws IOException {
        Path root = Path.of("/sys/fs/bpf");
        assumeTrue(Files.isDirectory(root), "bpffs is not mounted at /sys/fs/bpf");
        Path dir = root.resolve("p4ebpf-test-" + name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Files.createDirectory(dir);
        return dir;
    }

    /** Removes pins (unlinking a pin releases the kernel object once nothing else holds it). */
    public static void removeTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A network namespace with a veth pair veth0/veth1, deleted by {@link #close}. */
    public record Netns(String name) implements AutoCloseable {
        public static Netns create(String tag) {
            String name = "p4ebpf-" + tag + "-" + ProcessHandle.current().pid();
            Tools.run("ip", "netns", "del", name);
            Tools.Run r = Tools.run("ip", "netns", "add", name);
            if (!r.ok()) {
                throw new IllegalStateException("ip netns add " + name + " failed: " + r.both());
            }
            Netns ns = new Netns(name);
            Tools.Run v = ns.run("ip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
            if (!v.ok()) {
                ns.close();
                throw new IllegalStateException("cannot create veth pair: " + v.both());
            }
            return ns;
        }

        /** Runs {@code ip}/{@code tc} with {@code -n <netns>}. */
        public Tools.Run run(String tool, String... args) {
            List<String> cmd = new java.util.ArrayList<>(List.of(tool, "-n", name));
            cmd.addAll(List.of(args));
            return Tools.run(cmd);
        }

        @Override
        public void close() {
            Tools.run("ip", "netns", "del", name);
        }
    }
}
