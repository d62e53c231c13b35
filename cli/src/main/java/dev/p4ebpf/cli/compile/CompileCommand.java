package dev.p4ebpf.cli.compile;

import dev.p4ebpf.cli.Command;
import dev.p4ebpf.cli.frontend.DiagnosticPrinter;
import dev.p4ebpf.cli.frontend.FrontendOptionsParser;
import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.ebpf.lower.EbpfLowering;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.frontend.FrontendResult;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.CompilerBug;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.midend.Midend;
import dev.p4ebpf.ir.pass.DumpPrinter;
import dev.p4ebpf.ir.pass.Pipeline;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code p4ebpf compile PROGRAM.p4}: runs the frontend and the midend pipeline and reports what
 * they find. {@code --list-passes} prints the pipeline; {@code --dump-after PASS} prints the program
 * after that pass as P4. The eBPF backend adds its output to this command ({@code -o FILE},
 * {@code --target xdp|tc}, {@code --emit obj|asm}); the options here leave those names free.
 */
public final class CompileCommand implements Command {

    @Override
    public String name() {
        return "compile";
    }

    @Override
    public String arguments() {
        return "PROGRAM.p4";
    }

    @Override
    public String summary() {
        return "compile a P4 program through the frontend and the midend; exit 0 when it compiles";
    }

    @Override
    public Options options() {
        var o = FrontendOptionsParser.add(new Options());
        o.addOption(Option.builder().longOpt("list-passes")
                .desc("print the midend's passes in the order they run (PROGRAM.p4 may be omitted)").get());
        o.addOption(Option.builder().longOpt("dump-after").argName("PASS").hasArg()
                .desc("print the program as P4 after pass PASS (a name from --list-passes, or 'frontend')").get());
        o.addOption(Option.builder("o").longOpt("output").argName("FILE").hasArg()
                .desc("write the BPF object to FILE and its control-plane description to FILE with .json").get());
        o.addOption(Option.builder().longOpt("target").argName("xdp|tc").hasArg()
                .desc("the hook to compile for (default: xdp for xdp programs, tc for ebpfFilter programs)").get());
        o.addOption(Option.builder().longOpt("emit").argName("obj|asm|lir").hasArg()
                .desc("obj writes the object (default with -o); asm prints the BPF assembly with the P4 source; "
                        + "lir prints the low-level IR before register allocation").get());
        o.addOption(Option.builder().longOpt("max-ternary-masks").argName("N").hasArg()
                .desc("the most distinct masks a ternary, range or optional table may hold at run time (1 to "
                        + EbpfLowering.Options.MAX_TERNARY_MASKS_LIMIT + ", default " + EbpfLowering.Options.DEFAULTS.maxTernaryMasks()
                        + "); each costs one hash lookup per packet").get());
        return o;
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        Pipeline pipeline = Midend.pipeline();
        if (line.hasOption("list-passes")) {
            if (line.getArgList().size() > 1) {
                throw new UsageException("--list-passes takes at most one program");
            }
            out.print(pipeline.listing());
            return OK;
        }
        List<String> files = line.getArgList();
        if (files.size() != 1) {
            throw new UsageException(files.isEmpty() ? "no input program" : "one program at a time, not " + files.size());
        }
        String dumpAfter = line.getOptionValue("dump-after");
        if (dumpAfter != null && !dumpAfter.equals(FRONTEND) && pipeline.pass(dumpAfter).isEmpty()) {
            throw new UsageException("--dump-after " + dumpAfter + ": no such pass (p4ebpf compile --list-passes shows them)");
        }
        FrontendOptions options = FrontendOptionsParser.parse(line);
        var backend = BackendRequest.of(line, files.getFirst());
        return compile(files.getFirst(), options, pipeline, dumpAfter, backend, out, err);
    }

    /** The name {@code --dump-after} accepts for the frontend's output, before any pass. */
    static final String FRONTEND = "frontend";

    private static int compile(String file, FrontendOptions options, Pipeline pipeline, String dumpAfter,
                               BackendRequest backend, PrintStream out, PrintStream err) {
        var printer = new DiagnosticPrinter(err);
        FrontendResult r;
        try {
            r = Frontend.compile(Path.of(file), file, options);
        } catch (CompilerBug bug) {
            return internal(file, bug, err);
        }
        r.diagnostics().forEach(printer::print);
        if (r.program().isEmpty() || !r.ok()) {
            return FAILED;
        }
        Program frontendOutput = r.program().get();
        if (FRONTEND.equals(dumpAfter)) {
            out.print(DumpPrinter.print(frontendOutput, frontendOutput));
            return OK;
        }
        var diags = new Diagnostics();
        Pipeline.Result result;
        try {
            Pipeline toRun = dumpAfter == null ? pipeline : pipeline.upTo(dumpAfter);
            result = Midend.run(toRun, frontendOutput, diags, (pass, index, program) -> {
                if (pass.name().equals(dumpAfter)) {
                    out.print(DumpPrinter.print(program, frontendOutput));
                }
            });
        } catch (CompilerBug bug) {
            diags.sorted().forEach(printer::print);
            return internal(file, bug, err);
        }
        diags.sorted().forEach(printer::print);
        if (!result.ok()) {
            return FAILED;
        }
        if (dumpAfter != null) {
            return OK;
        }
        try {
            return backend.run(result.program(), file, out, err, printer);
        } catch (CompilerBug bug) {
            return internal(file, bug, err);
        }
    }

    private static int internal(String file, CompilerBug bug, PrintStream err) {
        err.println("internal compiler error: " + (bug.span().isNone() ? file : bug.span()) + ": "
                + bug.getMessage() + " (a bug in p4ebpf; please report it with this input)");
        return INTERNAL;
    }
}
