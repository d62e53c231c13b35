package dev.p4ebpf.cli.driver;

import dev.p4ebpf.cli.Command;
import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.netns.NetnsExecutor;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;

/**
 * Base of the driver commands: a failure of the driver is printed as {@code p4ebpf NAME: message}
 * (what failed, why, what to do) and gives {@link #FAILED}; it never reaches the user as a trace.
 * With {@code --netns NAME} the command's work runs on a thread inside that network namespace.
 */
abstract class DriverCommand implements Command {
    /** The command's work; driver failures are thrown and reported by {@link #run}. */
    abstract int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException;

    @Override
    public final int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        try {
            String netns = line.getOptionValue("netns");
            return netns == null ? execute(line, out, err) : inNamespace(netns, line, out, err);
        } catch (DriverException e) {
            err.println("p4ebpf " + name() + ": " + e.getMessage());
            return FAILED;
        }
    }

    private int inNamespace(String name, CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new UsageException("--netns " + name + ": expected the name of a namespace under /run/netns");
        }
        Path file = Path.of("/run/netns", name);
        if (!Files.exists(file)) {
            throw new DriverException(DriverException.Kind.NOT_FOUND, "There is no network namespace " + name + " ("
                    + file + " does not exist). Create it with 'ip netns add " + name + "', or check 'ip netns list'.");
        }
        record Outcome(int status, UsageException usage) {}
        Outcome o;
        try (NetnsExecutor ns = NetnsExecutor.enter(file)) {
            o = ns.call(() -> {
                try {
                    return new Outcome(execute(line, out, err), null);
                } catch (UsageException e) {
                    return new Outcome(FAILED, e);
                }
            });
        }
        if (o.usage() != null) {
            throw o.usage();
        }
        return o.status();
    }
}
