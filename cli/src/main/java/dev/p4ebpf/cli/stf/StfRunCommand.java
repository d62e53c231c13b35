package dev.p4ebpf.cli.stf;

import dev.p4ebpf.cli.Command;
import dev.p4ebpf.cli.frontend.DiagnosticPrinter;
import dev.p4ebpf.cli.frontend.FrontendOptionsParser;
import dev.p4ebpf.conformance.run.StfInputException;
import dev.p4ebpf.conformance.run.StfReport;
import dev.p4ebpf.conformance.run.StfRunner;
import dev.p4ebpf.conformance.run.Target;
import dev.p4ebpf.conformance.run.TargetException;
import dev.p4ebpf.conformance.run.TargetSession;
import dev.p4ebpf.conformance.run.Targets;
import dev.p4ebpf.conformance.run.TestProgram;
import dev.p4ebpf.conformance.stf.StfError;
import dev.p4ebpf.conformance.stf.StfException;
import dev.p4ebpf.conformance.stf.StfFile;
import dev.p4ebpf.conformance.stf.StfParser;
import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code p4ebpf stf PROGRAM.p4 TEST.stf}: runs an STF packet test on one or more targets and
 * prints what happened to each packet; exit 0 when every expectation holds on every target, 1
 * when one does not or the inputs are wrong (each error positioned), 2 for a bad command line.
 */
public final class StfRunCommand implements Command {

    @Override
    public String name() {
        return "stf";
    }

    @Override
    public String arguments() {
        return "PROGRAM.p4 TEST.stf";
    }

    @Override
    public String summary() {
        return "run an STF packet test on a target (the interpreter by default); exit 0 when it passes";
    }

    @Override
    public Options options() {
        var o = FrontendOptionsParser.add(new Options());
        o.addOption(Option.builder().longOpt("on").argName("TARGET,...").hasArg()
                .desc("the targets to run on: " + String.join(", ", Targets.NAMES) + " (default interp)").get());
        o.addOption(Option.builder().longOpt("extern-module").argName("NAME").hasArg()
                .desc("give the interpreter the extern functions of module NAME ("
                        + String.join(", ", Targets.MODULES) + ": the C externs p4c's eBPF samples use); "
                        + "repeatable").get());
        o.addOption(Option.builder().longOpt("seed").argName("N").hasArg()
                .desc("seed of the interpreter's random extern (default 1)").get());
        o.addOption(Option.builder("q").longOpt("quiet").desc("print only failures and the summary").get());
        return o;
    }

    @Override
    public int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        List<String> args = line.getArgList();
        if (args.size() != 2) {
            throw new UsageException("expected a P4 program and an STF file, got " + args.size() + " argument(s)");
        }
        List<Target> targets = targets(line);
        FrontendResult compiled = Frontend.compile(Path.of(args.get(0)), args.get(0), FrontendOptionsParser.parse(line));
        compiled.diagnostics().forEach(new DiagnosticPrinter(err)::print);
        if (compiled.program().isEmpty()) {
            return FAILED;
        }
        StfFile test;
        try {
            test = StfParser.parse(Path.of(args.get(1)));
        } catch (StfException e) {
            e.errors().stream().map(StfError::headline).forEach(err::println);
            return FAILED;
        }
        TestProgram program = new TestProgram(Path.of(args.get(0)), compiled.program().get());
        boolean quiet = line.hasOption("quiet");
        int status = OK;
        for (Target t : targets) {
            int s = runOn(t, program, test, quiet, out, err);
            status = Math.max(status, s);
        }
        return status;
    }

    private static List<Target> targets(CommandLine line) throws UsageException {
        List<String> modules = line.getOptionValues("extern-module") == null ? List.of()
                : Arrays.asList(line.getOptionValues("extern-module"));
        for (String m : modules) {
            if (!Targets.MODULES.contains(m)) {
                throw new UsageException("--extern-module " + m + ": no such module; there is "
                        + String.join(", ", Targets.MODULES));
            }
        }
        long seed;
        try {
            seed = Long.parseLong(line.getOptionValue("seed", "1"));
        } catch (NumberFormatException e) {
            throw new UsageException("--seed " + line.getOptionValue("seed") + ": not a number");
        }
        List<Target> out = new ArrayList<>();
        for (String name : line.getOptionValue("on", "interp").split(",")) {
            out.add(Targets.target(name.strip(), modules, seed).orElseThrow(() -> new UsageException("--on "
                    + name.strip() + ": no such target; the targets are " + String.join(", ", Targets.NAMES))));
        }
        return out;
    }

    private static int runOn(Target t, TestProgram program, StfFile test, boolean quiet, PrintStream out,
                             PrintStream err) {
        try (TargetSession session = t.open(program)) {
            StfReport report = StfRunner.run(test, session, t.name());
            for (String l : quiet ? report.failures().stream().map(f -> "FAIL " + f).toList() : report.lines()) {
                out.println(l);
            }
            out.println(report.summary());
            return report.passed() ? OK : FAILED;
        } catch (TargetException e) {
            err.println(program.source() + ": error: " + t.name() + " cannot run the program: " + e.getMessage());
            return FAILED;
        } catch (StfInputException e) {
            err.println(e.headline());
            return FAILED;
        }
    }
}
