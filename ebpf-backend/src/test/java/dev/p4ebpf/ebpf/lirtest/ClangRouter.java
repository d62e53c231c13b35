package dev.p4ebpf.ebpf.lirtest;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.p4ebpf.ebpf.elf.ElfReader;
import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.testutil.Golden;
import dev.p4ebpf.ebpf.testutil.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code router.c} compiled with {@code clang -O2 -target bpf -mcpu=v3}; skips when clang (Debian clang-19) is absent. */
public final class ClangRouter {
    private ClangRouter() {}

    public static BpfObject compile() throws Exception {
        Optional<Path> clang = Tools.llvm("clang");
        assumeTrue(clang.isPresent(), Tools.missingLlvm("clang"));
        Path dir = Files.createTempDirectory("p4ebpf-router");
        Path src = Golden.resourcePath("dev/p4ebpf/ebpf/emit/router.c");
        Path obj = dir.resolve("router.o");
        try {
            Tools.Run r = Tools.run(clang.get().toString(), "-O2", "-g", "-target", "bpf", "-mcpu=v3", "-c",
                    src.toString(), "-o", obj.toString());
            assertTrue(r.ok(), "clang failed on " + src + ": " + r.both());
            return ElfReader.read(obj);
        } finally {
            Files.deleteIfExists(obj);
            Files.deleteIfExists(dir);
        }
    }
}
