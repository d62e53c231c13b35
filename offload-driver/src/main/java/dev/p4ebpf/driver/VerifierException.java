package dev.p4ebpf.driver;

import dev.p4ebpf.driver.sys.Errno;
import java.util.List;
import java.util.OptionalInt;

/**
 * The kernel verifier refused a program. Carries the whole log, its last lines (shown in the
 * message), and the index of the instruction the verifier stopped at, when the log names one.
 */
public final class VerifierException extends DriverException {
    private static final long serialVersionUID = 1L;

    private final String program;
    private final String log;
    private final transient List<String> lastLines;
    private final int failingInsn;

    public VerifierException(String message, String program, String log, List<String> lastLines, int failingInsn,
            Errno errno) {
        super(Kind.VERIFIER_REJECTED, message, errno, null);
        this.program = program;
        this.log = log;
        this.lastLines = List.copyOf(lastLines);
        this.failingInsn = failingInsn;
    }

    public String program() {
        return program;
    }

    /** The verifier's complete log. */
    public String log() {
        return log;
    }

    public List<String> lastLines() {
        return lastLines;
    }

    /** The instruction the verifier rejected, counted in 8-byte slots from the program's start. */
    public OptionalInt failingInstruction() {
        return failingInsn < 0 ? OptionalInt.empty() : OptionalInt.of(failingInsn);
    }
}
