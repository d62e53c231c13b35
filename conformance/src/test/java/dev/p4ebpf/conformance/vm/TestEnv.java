package dev.p4ebpf.conformance.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.p4ebpf.ebpf.elf.ElfReader;
import dev.p4ebpf.ebpf.object.BpfObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the VM's kernel and clang tests need from the machine, skipping with the reason when it is absent. */
final class TestEnv {
    private TestEnv() {
    }

    /** Skips unless root on Linux ≥ major.minor, which the differential tests need for BPF_PROG_TEST_RUN. */
    static void requireKernel(int major, int minor, String feature) {
        assumeTrue(System.getProperty("os.name").equals("Linux"), feature + " needs Linux");
        assumeTrue(root(), feature + " needs root (BPF_PROG_LOAD, BPF_PROG_TEST_RUN)");
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(System.getProperty("os.version"));
        assumeTrue(m.find(), "cannot tell the kernel version from " + System.getProperty("os.version"));
        int maj = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        assumeTrue(maj > major || (maj == major && min >= minor), feature + " needs Linux >= " + major + "." + minor
                + ", this is " + System.getProperty("os.version"));
    }

    private static boolean root() {
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

    /** clang 18 or newer (BPF ISA v4), or a skip naming the Debian package. */
    static Path clang() {
        for (int v = 30; v >= 18; v--) {
            Path p = Path.of("/usr/bin/clang-" + v);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        assumeTrue(false, "clang >= 18 not found (Debian: apt-get install clang-19)");
        throw new AssertionError();
    }

    /** Compiles {@code vm/<name>.c} with {@code clang -O2 -g -target bpf -mcpu=<cpu>} and reads the object. */
    static BpfObject compile(String name, String cpu, Path dir) throws Exception {
        Path clang = clang();
        for (String f : List.of(name + ".c", "vm_defs.h")) {
            try (InputStream in = TestEnv.class.getResourceAsStream("/vm/" + f)) {
                Files.copy(in, dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path obj = dir.resolve(name + "-" + cpu + ".o");
        Process p = new ProcessBuilder(clang.toString(), "-O2", "-g", "-target", "bpf", "-mcpu=" + cpu, "-c",
                dir.resolve(name + ".c").toString(), "-o", obj.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(true, p.waitFor(60, TimeUnit.SECONDS), "clang timed out on " + name);
        assertEquals(0, p.exitValue(), "clang failed on " + name + ".c: " + out);
        return ElfReader.read(obj);
    }
}
