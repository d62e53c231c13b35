package dev.p4ebpf.driver.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gates for kernel tests: skip (with the reason) when not root or when the kernel is older than
 * the feature needs. A test that passes the gate and then finds the feature missing fails.
 */
public final class KernelFeatures {
    private KernelFeatures() {}

    public static boolean isRoot() {
        try {
            return Files.readString(Path.of("/proc/self/status")).lines()
                    .filter(l -> l.startsWith("Uid:")).findFirst()
                    .map(l -> l.split("\\s+")[2].equals("0")).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    /** The running kernel's (major, minor). */
    public static int[] kernelVersion() {
        try {
            String release = Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
            Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(release);
            if (m.find()) {
                return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
            }
        } catch (IOException e) {
            // fall through
        }
        return new int[] {0, 0};
    }

    public static boolean kernelAtLeast(int major, int minor) {
        int[] v = kernelVersion();
        return v[0] > major || v[0] == major && v[1] >= minor;
    }

    public static void requireRootAndKernel(int major, int minor, String feature) {
        assumeTrue(isRoot(), feature + " needs root; skipped because this test does not run as root");
        assumeTrue(kernelAtLeast(major, minor), feature + " needs Linux " + major + "." + minor
                + "; this kernel is " + kernelVersion()[0] + "." + kernelVersion()[1]);
    }
}
