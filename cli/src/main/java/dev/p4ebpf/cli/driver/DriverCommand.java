package dev.p4ebpf.cli.driver;

import dev.p4ebpf.cli.Command;
import dev.p4ebpf.driver.DriverException;
import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;

/**
 * Base of the driver commands: a failure of the driver is printed as {@code p4ebpf NAME: message}
 * (what failed, why, what to do) and gives {@link #FAILED}; it never reaches the user as a trace.
 */
abstract class DriverCommand implements Command {
    /** The command's work; driver failures are thrown and reported by {@link #run}. */
    abstract int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException;

    @Override
    public final int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        try {
            return execute(line, out, err);
        } catch (DriverException e) {
            err.println("p4ebpf " + name() + ": " + e.getMessage());
            return FAILED;
        }
    }
}
