package dev.p4ebpf.cli;

import dev.p4ebpf.ir.diag.CompilerBug;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * Entry point of the {@code p4ebpf} command: dispatches to a {@link Command}, maps failures to exit
 * statuses, and makes sure no stack trace reaches a user (a bug is an
 * {@code internal compiler error:} line and exit status 3).
 */
public final class Main {
    private static final String VERSION = "0.1.0";

    private final List<Command> commands;
    private final PrintStream out;
    private final PrintStream err;

    Main(List<Command> commands, PrintStream out, PrintStream err) {
        this.commands = List.copyOf(commands);
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status = new Main(Commands.all(), System.out, System.err).run(args);
        System.out.flush();
        System.exit(status);
    }

    /** Runs one command line and returns the exit status. */
    int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            if (args.length > 1 && args[0].equals("help")) {
                return find(args[1]).map(c -> printHelp(c, out)).orElseGet(() -> unknown(args[1]));
            }
            printOverview(args.length == 0 ? err : out);
            return args.length == 0 ? Command.USAGE : Command.OK;
        }
        if (args[0].equals("--version")) {
            out.println("p4ebpf " + VERSION);
            return Command.OK;
        }
        Optional<Command> command = find(args[0]);
        if (command.isEmpty()) {
            return unknown(args[0]);
        }
        return runCommand(command.get(), Arrays.copyOfRange(args, 1, args.length));
    }

    private int runCommand(Command command, String[] args) {
        Options options = command.options();
        options.addOption(Option.builder("h").longOpt("help").desc("print this command's help").get());
        CommandLine line;
        try {
            line = DefaultParser.builder().get().parse(options, args);
        } catch (ParseException e) {
            return usageError(command, e.getMessage());
        }
        if (line.hasOption("help")) {
            return printHelp(command, out);
        }
        try {
            return command.run(line, out, err);
        } catch (Command.UsageException e) {
            return usageError(command, e.getMessage());
        } catch (CompilerBug bug) {
            return internalError(bug.span().isNone() ? "" : bug.span() + ": ", bug);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return internalError("", e);
        }
    }

    private int internalError(String where, Throwable bug) {
        err.println("internal compiler error: " + where + bug.getMessage());
        err.println("  (" + bug.getClass().getSimpleName() + " at " + firstOwnFrame(bug)
                + "; this is a bug in p4ebpf — please report it with the input that caused it)");
        return Command.INTERNAL;
    }

    private static String firstOwnFrame(Throwable t) {
        return Arrays.stream(t.getStackTrace())
                .filter(f -> f.getClassName().startsWith("dev.p4ebpf."))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName()
                        + ":" + f.getLineNumber())
                .orElse("unknown");
    }

    private Optional<Command> find(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private int unknown(String name) {
        err.println("p4ebpf: unknown command '" + name + "'; run 'p4ebpf --help' for the list of commands");
        return Command.USAGE;
    }

    private int usageError(Command command, String message) {
        err.println("p4ebpf " + command.name() + ": " + message);
        err.println("usage: p4ebpf " + command.name() + " [options] " + command.arguments()
                + "   (see 'p4ebpf " + command.name() + " --help')");
        return Command.USAGE;
    }

    private int printHelp(Command command, PrintStream stream) {
        Options options = command.options();
        if (!options.hasOption("help")) {
            options.addOption(Option.builder("h").longOpt("help").desc("print this command's help").get());
        }
        stream.println("usage: p4ebpf " + command.name() + " [options] " + command.arguments());
        stream.println();
        stream.println(command.summary());
        stream.println();
        stream.println("options:");
        var rows = options.getOptions().stream().sorted(Comparator.comparing(Main::sortKey)).map(Main::optionSyntax).toList();
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        rows.forEach(r -> stream.printf("  %-" + width + "s   %s%n", r[0], r[1]));
        return Command.OK;
    }

    private static String sortKey(Option o) {
        return o.getLongOpt() != null ? o.getLongOpt() : o.getOpt();
    }

    /** {@code -o, --output FILE} and the description. */
    private static String[] optionSyntax(Option o) {
        var syntax = new StringBuilder();
        if (o.getOpt() != null) {
            syntax.append('-').append(o.getOpt());
        }
        if (o.getLongOpt() != null) {
            syntax.append(syntax.isEmpty() ? "" : ", ").append("--").append(o.getLongOpt());
        }
        if (o.hasArg()) {
            syntax.append(' ').append(o.getArgName() != null ? o.getArgName() : "ARG");
        }
        return new String[] {syntax.toString(), o.getDescription() == null ? "" : o.getDescription()};
    }

    private void printOverview(PrintStream stream) {
        stream.println("usage: p4ebpf COMMAND [options] [arguments]");
        stream.println();
        stream.println("p4ebpf compiles P4_16 programs to eBPF for XDP and tc, checks them, runs their packet");
        stream.println("tests, and loads them into the kernel.");
        stream.println();
        stream.println("commands:");
        int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Command c : commands) {
            stream.printf("  %-" + width + "s   %s%n", c.name(), c.summary());
        }
        stream.println();
        stream.println("'p4ebpf COMMAND --help' describes a command's options; 'p4ebpf --version' prints the version.");
    }
}
