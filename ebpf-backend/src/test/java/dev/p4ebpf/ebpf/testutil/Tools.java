package dev.p4ebpf.ebpf.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and runs the external tools the interop tests use: LLVM 18 or newer (the first release
 * whose BPF assembler and disassembler know ISA v4; Debian's {@code llvm-19}/{@code clang-19}),
 * {@code bpftool}, {@code ip}, {@code tc}.
 */
public final class Tools {
    /** Oldest LLVM whose BPF disassembler prints every v4 instruction. */
    public static final int MIN_LLVM = 18;

    private Tools() {
    }

    /** Result of a finished command. */
    public record Run(int exit, String out, String err) {
        public boolean ok() {
            return exit == 0;
        }

        public String both() {
            return out + err;
        }
    }

    /** An LLVM tool ({@code llvm-objdump}, {@code llvm-mc}, {@code clang}, {@code llvm-readelf}) of version ≥ 18. */
    public static Optional<Path> llvm(String tool) {
        List<Path> candidates = new ArrayList<>();
        for (int v = 30; v >= MIN_LLVM; v--) {
            candidates.add(Path.of("/usr/lib/llvm-" + v, "bin", tool));
            candidates.add(Path.of("/usr/bin", tool + "-" + v));
        }
        onPath(tool).ifPresent(candidates::add);
        for (Path p : candidates) {
            if (Files.isExecutable(p) && llvmVersion(p) >= MIN_LLVM) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static String missingLlvm(String tool) {
        return tool + " of LLVM >= " + MIN_LLVM + " not found (Debian: apt-get install clang-19 llvm-19)";
    }

    /** A program on PATH or in /usr/sbin and /sbin. */
    public static Optional<Path> onPath(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin"));
        for (String d : dirs) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Optional.of(Path.of(d, name));
            }
        }
        return Optional.empty();
    }

    private static int llvmVersion(Path tool) {
        Run r = run(List.of(tool.toString(), "--version"));
        Matcher m = Pattern.compile("(?:LLVM|clang) version (\\d+)").matcher(r.both());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Runs a command (60 s limit) and collects its output. */
    public static Run run(List<String> command) {
        try {
            Path out = Files.createTempFile("p4ebpf-tool", ".out");
            Path err = Files.createTempFile("p4ebpf-tool", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Run(-1, "", "timed out: " + command);
                }
                return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Run(-1, "", "cannot run " + command + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "", "interrupted");
        }
    }

    public static Run run(String... command) {
        return run(List.of(command));
    }
}
