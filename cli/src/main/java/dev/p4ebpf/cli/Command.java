package dev.p4ebpf.cli;

import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * One subcommand of {@code p4ebpf}. {@link Main} parses the options a command declares, prints its
 * help, and turns what it returns into the process exit status.
 *
 * <p>Exit statuses shared by every command: {@link #OK}, {@link #FAILED} (the input was wrong or
 * the job did not succeed; diagnostics were printed), {@link #USAGE} (the command line itself was
 * wrong) and {@link #INTERNAL} (a bug in p4ebpf).
 */
public interface Command {
    int OK = 0;
    int FAILED = 1;
    int USAGE = 2;
    int INTERNAL = 3;

    /** The word after {@code p4ebpf}, e.g. {@code check}. */
    String name();

    /** What the arguments after the options look like, e.g. {@code FILE...}. */
    String arguments();

    /** One line for {@code p4ebpf --help}. */
    String summary();

    /** The options this command accepts; {@code --help} is added by {@link Main}. */
    Options options();

    /**
     * Runs the command. User errors are printed to {@code err} and give {@link #FAILED} or
     * {@link #USAGE}; they are never thrown. {@link UsageException} may be thrown for a bad
     * command line found late.
     */
    int run(CommandLine line, PrintStream out, PrintStream err) throws UsageException;

    /** A command line that is wrong in a way only the command can tell; {@link Main} prints it with usage. */
    final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
