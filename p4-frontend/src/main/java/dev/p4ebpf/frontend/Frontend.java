package dev.p4ebpf.frontend;

import dev.p4ebpf.frontend.ast.CompilationUnit;
import dev.p4ebpf.frontend.check.Checker;
import dev.p4ebpf.frontend.parse.SourceParser;
import dev.p4ebpf.frontend.source.Preprocessed;
import dev.p4ebpf.frontend.source.Preprocessor;
import dev.p4ebpf.frontend.source.SourceFile;
import dev.p4ebpf.frontend.source.SourceLoader;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.CompilerBug;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.diag.Span;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The frontend as one call: preprocess, parse, check, and return the typed IR or the diagnostics.
 * Each phase runs only when the previous one reported no error. Work runs on a thread with a large
 * stack, so deeply nested input ends with a diagnostic rather than a stack overflow.
 */
public final class Frontend {
    /** Ample for any program within the parser's nesting limit; it is address space, committed only as used. */
    private static final long STACK_BYTES = 1L << 30;

    private Frontend() {}

    /** Compiles the file at {@code path}; {@code name} is how messages call it (usually the path as given). */
    public static FrontendResult compile(Path path, String name, FrontendOptions options) {
        return onLargeStack(name, () -> {
            var diags = new Diagnostics();
            var loaded = SourceLoader.load(path, name);
            return switch (loaded) {
                case SourceLoader.Failed f -> {
                    diags.report(f.diagnostic());
                    yield FrontendResult.of(name, Optional.empty(), diags);
                }
                case SourceLoader.Ok ok -> run(ok.file(), path, options, diags);
            };
        });
    }

    /** Compiles source text that did not come from a file (tests, generated programs). */
    public static FrontendResult compile(SourceFile source, FrontendOptions options) {
        return onLargeStack(source.name(), () -> {
            var diags = new Diagnostics();
            var invalid = SourceLoader.validate(source);
            if (invalid.isPresent()) {
                diags.report(invalid.get());
                return FrontendResult.of(source.name(), Optional.empty(), diags);
            }
            return run(source, null, options, diags);
        });
    }

    private static FrontendResult run(SourceFile source, Path path, FrontendOptions options, Diagnostics diags) {
        Preprocessed pp = new Preprocessor(options.includeDirs(), options.defines()).run(source, path, diags);
        if (diags.hasErrors()) {
            return FrontendResult.of(source.name(), Optional.empty(), diags);
        }
        Optional<CompilationUnit> unit = SourceParser.parse(pp.text(), pp.lines(), diags);
        if (unit.isEmpty() || diags.hasErrors()) {
            return FrontendResult.of(source.name(), Optional.empty(), diags);
        }
        Optional<Program> program = Checker.check(unit.get(), diags);
        return FrontendResult.of(source.name(), program, diags);
    }

    private interface Job {
        FrontendResult run();
    }

    private static FrontendResult onLargeStack(String name, Job job) {
        var result = new AtomicReference<FrontendResult>();
        var failure = new AtomicReference<Throwable>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(job.run());
            } catch (StackOverflowError e) {
                var diags = new Diagnostics();
                diags.report(Code.NESTING_TOO_DEEP, Span.at(name, 1, 1), "the compiler's recursion limit");
                result.set(FrontendResult.of(name, Optional.empty(), diags));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "p4ebpf-frontend", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompilerBug(Span.at(name, 1, 1), "interrupted while compiling");
        }
        if (failure.get() != null) {
            Throwable f = failure.get();
            if (f instanceof CompilerBug bug) {
                throw bug;
            }
            throw new CompilerBug(Span.at(name, 1, 1), f.toString(), f);
        }
        return result.get();
    }
}
