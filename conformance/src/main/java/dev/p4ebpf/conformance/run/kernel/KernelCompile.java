package dev.p4ebpf.conformance.run.kernel;

import dev.p4ebpf.conformance.run.TargetException;
import dev.p4ebpf.conformance.run.TestProgram;
import dev.p4ebpf.ebpf.compile.EbpfCompiler;
import dev.p4ebpf.ebpf.lower.EbpfLowering;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.CompilerBug;
import dev.p4ebpf.ir.diag.Diagnostic;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.midend.Midend;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The compile step of the kernel target: the midend, then the eBPF backend for the program's
 * default hook, as {@code p4ebpf compile} does. What the backend reports (a construct it does not
 * support, a frame too large) becomes a {@link TargetException} carrying its diagnostics; so does
 * an internal error of the backend (an exception it should not throw), so that one program's
 * compiler bug fails that program's test and not the whole run.
 */
final class KernelCompile {
    private KernelCompile() {}

    static EbpfCompiler.Compiled compile(TestProgram test) throws TargetException {
        String file = test.source().getFileName().toString();
        Diagnostics diags = new Diagnostics();
        Optional<EbpfCompiler.Compiled> compiled;
        try {
            Program midend = Midend.run(test.program(), diags).program();
            if (diags.hasErrors()) {
                throw new TargetException("the midend rejects " + file + ":\n" + errors(diags));
            }
            compiled = EbpfCompiler.compile(midend, EbpfLowering.defaultHook(midend),
                    EbpfCompiler.programName(test.source()), span -> Optional.empty(), diags);
        } catch (CompilerBug e) {
            throw internalError(file, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw internalError(file, e.getClass().getSimpleName() + ": " + e.getMessage() + " (at "
                    + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?") + ")", e);
        }
        if (compiled.isEmpty() || diags.hasErrors()) {
            throw new TargetException("the eBPF backend cannot compile " + file + ":\n" + errors(diags));
        }
        return compiled.get();
    }

    /** The backend crashed: a compiler bug, reported as the target's failure to run the program. */
    private static TargetException internalError(String file, String what, Throwable cause) {
        return new TargetException("the eBPF backend failed on " + file + " with an internal error (a compiler bug;"
                + " please report it with the program): " + what, cause);
    }

    private static String errors(Diagnostics diags) {
        String text = diags.sorted().stream().filter(Diagnostic::isError).map(Diagnostic::headline)
                .collect(Collectors.joining("\n"));
        return text.isEmpty() ? "(no diagnostic was given)" : text;
    }
}
