package dev.p4ebpf.conformance.run.kernel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the kernel target's tests need: Linux ≥ 6.6 (the driver's baseline) and root, for
 * BPF_PROG_LOAD and BPF_PROG_TEST_RUN of xdp and sched_cls programs. Skips with the reason when
 * the machine lacks them; a kernel that is new enough but refuses is a failure of the tests.
 */
final class KernelRequirement {
    static final String FEATURE = "BPF_PROG_TEST_RUN for xdp and sched_cls (Linux >= 6.6, root)";

    private KernelRequirement() {}

    static void require() {
        assumeTrue(System.getProperty("os.name").equals("Linux"), FEATURE + ": needs Linux");
        assumeTrue(root(), FEATURE + ": needs root (BPF_PROG_LOAD, BPF_PROG_TEST_RUN)");
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(System.getProperty("os.version"));
        assumeTrue(m.find(), FEATURE + ": cannot tell the kernel version from " + System.getProperty("os.version"));
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        assumeTrue(major > 6 || major == 6 && minor >= 6, FEATURE + ": this is Linux "
                + System.getProperty("os.version"));
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
}
