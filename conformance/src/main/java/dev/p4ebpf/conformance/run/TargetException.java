package dev.p4ebpf.conformance.run;

/**
 * A target cannot do what a test asks: load the program, run a command it does not support,
 * take an entry it rejects. The message says what and why.
 */
public final class TargetException extends Exception {
    private static final long serialVersionUID = 1L;

    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
