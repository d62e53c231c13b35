package dev.p4ebpf.ebpf.testutil;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Compiles the hand-written C programs of {@code src/test/resources/dev/p4ebpf/ebpf/interop} with
 * {@code clang -O2 -g -target bpf -mcpu=v3 -c} (LLVM ≥ 18), skipping the calling test when clang is
 * absent.
 */
public final class ClangObjects {
    public static final String DIR = "dev/p4ebpf/ebpf/interop/";

    private ClangObjects() {
    }

    /** The object file compiled from {@code <name>.c}, in {@code outDir}. */
    public static Path compile(String name, Path outDir) throws IOException {
        Optional<Path> clang = Tools.llvm("clang");
        assumeTrue(clang.isPresent(), Tools.missingLlvm("clang"));
        Path src = Golden.resourcePath(DIR + name + ".c");
        Path obj = outDir.resolve(name + ".o");
        Tools.Run r = Tools.run(clang.get().toString(), "-O2", "-g", "-target", "bpf", "-mcpu=v3", "-c",
                src.toString(), "-o", obj.toString());
        assertTrue(r.ok(), "clang failed on " + src + ": " + r.both());
        return obj;
    }

    /** {@code llvm-objdump -dr --mcpu=v4} of a file; skips when llvm-objdump ≥ 18 is absent. */
    public static String objdump(Path obj) {
        Optional<Path> od = Tools.llvm("llvm-objdump");
        assumeTrue(od.isPresent(), Tools.missingLlvm("llvm-objdump"));
        Tools.Run r = Tools.run(od.get().toString(), "-dr", "--mcpu=v4", obj.toString());
        assertTrue(r.ok() && r.err().isEmpty(), "llvm-objdump complained about " + obj + ": " + r.both());
        return r.out();
    }

    /** {@code llvm-readelf -a}; fails if it exits non-zero or prints any warning or error. */
    public static String readelf(Path obj) {
        Optional<Path> re = Tools.llvm("llvm-readelf");
        assumeTrue(re.isPresent(), Tools.missingLlvm("llvm-readelf"));
        Tools.Run r = Tools.run(re.get().toString(), "-a", obj.toString());
        assertTrue(r.ok() && r.err().isEmpty() && !r.out().contains("warning"), "llvm-readelf complained about "
                + obj + ": " + r.both());
        return r.out();
    }

    public static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }
}
