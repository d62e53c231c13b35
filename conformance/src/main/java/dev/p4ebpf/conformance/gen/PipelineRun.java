package dev.p4ebpf.conformance.gen;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.VerifierException;
import dev.p4ebpf.driver.load.LoadOptions;
import dev.p4ebpf.driver.load.LoadedObject;
import dev.p4ebpf.driver.load.ObjectLoader;
import dev.p4ebpf.driver.prog.BpfProgram;
import dev.p4ebpf.driver.prog.VerifierLog;
import dev.p4ebpf.ebpf.compile.EbpfCompiler;
import dev.p4ebpf.ebpf.lower.EbpfLowering;
import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.frontend.FrontendResult;
import dev.p4ebpf.frontend.source.SourceFile;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Diagnostic;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.midend.Midend;
import dev.p4ebpf.ir.pass.Pipeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs one program through the whole toolchain in this process: frontend, midend, eBPF backend
 * and, when asked, the kernel verifier by loading the object with p4ebpf's driver (and closing it
 * again). Loading needs root.
 */
public final class PipelineRun {
    /** How many lines of a verifier log an outcome keeps. */
    private static final int LOG_TAIL = 25;

    private PipelineRun() {}

    /** The outcome of compiling {@code source} (called {@code name} in messages) for {@code hook}. */
    public static Outcome run(String name, String source, EbpfLowering.Hook hook, boolean load) {
        EbpfCompiler.Compiled compiled;
        try {
            FrontendResult fr = Frontend.compile(new SourceFile(name, source), FrontendOptions.defaults());
            if (!fr.ok()) {
                return new Outcome.FrontendRejected(errors(fr.diagnostics()));
            }
            var diags = new Diagnostics();
            Pipeline.Result midend = Midend.run(fr.program().orElseThrow(), diags);
            if (!midend.ok() || diags.hasErrors()) {
                return new Outcome.CompileError("midend: " + errors(diags.all()));
            }
            Optional<EbpfCompiler.Compiled> c = EbpfCompiler.compile(midend.program(), hook, "gen", s -> Optional.empty(),
                    diags);
            if (c.isEmpty() || diags.hasErrors()) {
                boolean unsupported = diags.all().stream().filter(Diagnostic::isError)
                        .allMatch(d -> d.code() == Code.UNSUPPORTED);
                String text = errors(diags.all());
                return unsupported && diags.hasErrors() ? new Outcome.Unsupported(text)
                        : new Outcome.CompileError("backend: " + text);
            }
            compiled = c.get();
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome.InternalError(stackTrace(e));
        }
        int insns = compiled.object().programs().stream().mapToInt(p -> p.body().code().insns().size()).sum();
        return load ? load(compiled) : new Outcome.Compiled(insns);
    }

    private static Outcome load(EbpfCompiler.Compiled compiled) {
        try (LoadedObject lo = ObjectLoader.load(compiled.object(), "gen", LoadOptions.DEFAULT)) {
            int xlated = 0;
            for (BpfProgram p : lo.programs().values()) {
                xlated += p.info().translatedInstructions();
            }
            return new Outcome.Accepted(xlated);
        } catch (VerifierException e) {
            List<String> lines = e.log().lines().toList();
            return new Outcome.VerifierRejected(new VerifierLog(e.log()).reason(), e.getMessage() + "\nverifier log tail:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL), lines.size())));
        } catch (DriverException e) {
            return new Outcome.LoadFailed(e.kind() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome.InternalError("while loading: " + stackTrace(e));
        }
    }

    private static String errors(List<Diagnostic> ds) {
        return ds.stream().filter(Diagnostic::isError).map(Diagnostic::headline).collect(Collectors.joining("\n"));
    }

    private static String stackTrace(Throwable e) {
        var w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString().lines().limit(30).collect(Collectors.joining("\n"));
    }
}
