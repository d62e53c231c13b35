package dev.p4ebpf.conformance.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.compile.EbpfCompiler;
import dev.p4ebpf.ebpf.lower.EbpfLowering;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input gives byte-identical files: every program (see {@link CompiledObjects}) is
 * compiled twice in this JVM, in opposite orders, and once more in a fresh JVM (where identity
 * hash codes, and so the iteration order of any identity-keyed map, differ); the object and the
 * control-plane JSON must be equal byte for byte each time.
 */
class DeterminismTest {
    @TempDir
    Path dir;

    /** Compiles each source given on the command line into the directory given first (run in a child JVM). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            Path source = Path.of(args[i]);
            write(out, source, compile(source));
        }
    }

    private static EbpfCompiler.Compiled compile(Path source) {
        Program p = CompiledObjects.midend(source);
        var diags = new Diagnostics();
        return EbpfCompiler.compile(p, EbpfLowering.defaultHook(p), EbpfCompiler.programName(source),
                s -> Optional.empty(), diags).orElseThrow(() -> new AssertionError(source + ": " + diags.all()));
    }

    private static String base(Path source) {
        return source.getFileName().toString().replaceFirst("\\.p4$", "");
    }

    private static void write(Path out, Path source, EbpfCompiler.Compiled c) throws IOException {
        Files.write(out.resolve(base(source) + ".o"), c.elf());
        Files.writeString(out.resolve(base(source) + ".json"), c.controlPlaneJson());
    }

    @Test
    void sameInputSameBytes() throws Exception {
        List<Path> sources = CompiledObjects.sources();
        Path first = Files.createDirectory(dir.resolve("first"));
        Path second = Files.createDirectory(dir.resolve("second"));
        Path child = Files.createDirectory(dir.resolve("child"));
        for (Path s : sources) {
            write(first, s, compile(s));
        }
        for (Path s : sources.reversed()) {
            write(second, s, compile(s));
        }
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss64m", "-cp", System.getProperty("java.class.path"), DeterminismTest.class.getName(),
                child.toString()));
        sources.forEach(s -> command.add(s.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the child JVM did not finish");
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "the child JVM failed:\n" + output);
        var differ = new ArrayList<String>();
        for (Path s : sources) {
            for (String ext : List.of(".o", ".json")) {
                String name = base(s) + ext;
                byte[] a = Files.readAllBytes(first.resolve(name));
                if (!Arrays.equals(a, Files.readAllBytes(second.resolve(name)))) {
                    differ.add(name + " (same JVM, other order)");
                }
                if (!Arrays.equals(a, Files.readAllBytes(child.resolve(name)))) {
                    differ.add(name + " (fresh JVM)");
                }
            }
        }
        assertTrue(differ.isEmpty(), "not deterministic: " + differ);
    }
}
