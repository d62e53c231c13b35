package dev.p4ebpf.cli.stf;

import dev.p4ebpf.cli.Command;
import dev.p4ebpf.cli.frontend.DiagnosticPrinter;
import dev.p4ebpf.cli.frontend.FrontendOptionsParser;
import dev.p4ebpf.conformance.run.PacketLog;
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
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code p4ebpf stf PROGRAM.p4 TEST.stf}: runs an STF packet test on one or more targets and
 * prints what happened to each packet; with several targets, compares each with the first packet by
 * packet and prints the first packet whose outputs differ. Exit 0 when every expectation holds on
 * every target and the targets agree, 1 when not or the inputs are wrong (each error positioned),
 * 2 for a bad command line.
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
        List<Optional<PacketLog>> logs = new ArrayList<>();
        for (Target t : targets) {
            PacketLog log = new PacketLog();
            int s = runOn(t, program, test, quiet, out, err, log);
            logs.add(s == NOT_RUN ? Optional.empty() : Optional.of(log));
            status = Math.max(status, s == NOT_RUN ? FAILED : s);
        }
        for (int i = 1; i < targets.size(); i++) {
            status = Math.max(status, compare(test, targets.get(0), logs.get(0), targets.get(i), logs.get(i), out));
        }
        return status;
    }

    /** Prints whether {@code b} gave the packets {@code a} gave, packet by packet. */
    private static int compare(StfFile test, Target a, Optional<PacketLog> logA, Target b, Optional<PacketLog> logB,
                               PrintStream out) {
        String what = a.name() + " vs " + b.name() + ": ";
        if (logA.isEmpty() || logB.isEmpty()) {
            out.println(what + "not compared: " + (logA.isEmpty() ? a : b).name() + " did not run the test");
            return FAILED;
        }
        Optional<String> d = PacketLog.firstDifference(test, a.name(), logA.get(), b.name(), logB.get());
        out.println(what + d.map(x -> "DIFFER at " + x).orElse(logA.get().sent().size() + " packet(s) identical"));
        return d.isPresent() ? FAILED : OK;
    }

    /** What {@link #runOn} returns when the target could not run the test at all. */
    private static final int NOT_RUN = -1;

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
                             PrintStream err, PacketLog log) {
        try (TargetSession session = t.open(program)) {
            StfReport report = StfRunner.run(test, log.recording(session), t.name());
            for (String l : quiet ? report.failures().stream().map(f -> "FAIL " + f).toList() : report.lines()) {
                out.println(l);
            }
            out.println(report.summary());
            return report.passed() ? OK : FAILED;
        } catch (TargetException e) {
            err.println(program.source() + ": error: " + t.name() + " cannot run the program: " + e.getMessage());
            return NOT_RUN;
        } catch (StfInputException e) {
            err.println(e.headline());
            return NOT_RUN;
        }
    }
}
