package dev.p4ebpf.conformance.gen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process may load BPF programs (root on Linux), and why not. */
final class KernelAccess {
    private KernelAccess() {}

    static boolean canLoad() {
        return whyNot().isEmpty();
    }

    /** Empty when loading is possible, else the reason it is not. */
    static String whyNot() {
        if (!System.getProperty("os.name").equals("Linux")) {
            return "loading BPF programs needs Linux";
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0") ? "" : "loading BPF programs needs root";
                }
            }
        } catch (IOException e) {
            return "cannot read /proc/self/status: " + e.getMessage();
        }
        return "no Uid line in /proc/self/status";
    }
}
