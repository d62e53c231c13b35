package dev.p4ebpf.conformance.tools;

import dev.p4ebpf.ebpf.compile.EbpfCompiler;
import dev.p4ebpf.ebpf.insn.Disassembler;
import dev.p4ebpf.ebpf.lower.EbpfLowering;
import dev.p4ebpf.frontend.Golden;
import dev.p4ebpf.frontend.SourceLines;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.Diagnostics;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The code the bundled examples compile to, as {@code p4ebpf compile --emit asm} lists it (with
 * the P4 source lines), against golden files in src/test/resources/golden/asm — so that every
 * change to the generated code is seen in review. Regenerate with {@code -Dgolden.update=true}.
 */
class AsmGoldenTest {
    @ParameterizedTest
    @ValueSource(strings = {"xdp-router/router.p4", "ebpf-filter/filter.p4"})
    void listing(String example) throws Exception {
        Path source = Path.of("../examples", example);
        Program p = CompiledObjects.midend(source);
        var diags = new Diagnostics();
        var lines = new SourceLines();
        var c = EbpfCompiler.compile(p, EbpfLowering.defaultHook(p), EbpfCompiler.programName(source), lines::line,
                diags).orElseThrow(() -> new AssertionError(diags.all().toString()));
        String listing = Disassembler.plain().withSource(lines::line).listing(c.codegen().code());
        Golden.check(Path.of("src/test/resources/golden/asm", source.getFileName().toString().replace(".p4", ".asm")),
                listing);
    }
}
