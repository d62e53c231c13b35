package dev.p4ebpf.frontend;

import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.Diagnostic;
import dev.p4ebpf.ir.diag.Diagnostics;
import java.util.List;
import java.util.Optional;

/** What the frontend made of one file: the program when it is valid, and every diagnostic, sorted by place. */
public record FrontendResult(String file, Optional<Program> program, List<Diagnostic> diagnostics) {
    public FrontendResult {
        diagnostics = List.copyOf(diagnostics);
    }

    static FrontendResult of(String file, Optional<Program> program, Diagnostics diags) {
        return new FrontendResult(file, diags.hasErrors() ? Optional.empty() : program, diags.sorted());
    }

    public boolean ok() {
        return program.isPresent();
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }
}
