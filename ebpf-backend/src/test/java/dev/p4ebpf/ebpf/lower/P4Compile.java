package dev.p4ebpf.ebpf.lower;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.compile.EbpfCompiler;
import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.frontend.source.SourceFile;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.Diagnostic;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.midend.Midend;
import java.util.List;
import java.util.Optional;

/**
 * Compiles P4 source text the way {@code p4ebpf compile} does (frontend, midend, eBPF backend), for
 * the lowering's tests.
 */
final class P4Compile {
    private P4Compile() {}

    /** What a compile gave: the compiled program, or the diagnostics that stopped it. */
    record Outcome(Optional<EbpfCompiler.Compiled> compiled, List<Diagnostic> diagnostics) {
        EbpfCompiler.Compiled get() {
            assertTrue(compiled.isPresent(), () -> "the program did not compile: " + diagnostics);
            return compiled.get();
        }

        /** The one error that stopped the compile, as {@code file:line:col: message}. */
        String error() {
            assertFalse(compiled.isPresent(), "the program compiled, but an error was expected");
            List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
            assertTrue(!errors.isEmpty(), "no error reported");
            return errors.getFirst().toString();
        }
    }

    /** The program after the frontend and the midend. */
    static Program midend(String name, String source) {
        var r = Frontend.compile(new SourceFile(name, source), FrontendOptions.defaults());
        assertTrue(r.ok() && r.program().isPresent(), () -> "frontend: " + r.diagnostics());
        var diags = new Diagnostics();
        var m = Midend.run(r.program().get(), diags);
        assertTrue(m.ok(), () -> "midend: " + diags.all());
        return m.program();
    }

    static Outcome compile(String name, String source, EbpfLowering.Hook hook) {
        Program p = midend(name, source);
        var diags = new Diagnostics();
        var c = EbpfCompiler.compile(p, hook, name.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("_p4$", ""),
                s -> Optional.empty(), diags);
        return new Outcome(c, diags.all());
    }

    static EbpfCompiler.Compiled xdp(String name, String source) {
        return compile(name, source, EbpfLowering.Hook.XDP).get();
    }

    static EbpfCompiler.Compiled tc(String name, String source) {
        return compile(name, source, EbpfLowering.Hook.TC).get();
    }
}
