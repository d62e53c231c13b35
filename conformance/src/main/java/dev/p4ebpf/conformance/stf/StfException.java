package dev.p4ebpf.conformance.stf;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when an STF file cannot be parsed. It carries every problem found (the parser goes on
 * after a bad line, so one run reports them all); its message is their headlines, one a line.
 */
public final class StfException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<StfError> errors;

    public StfException(List<StfError> errors) {
        super(errors.stream().map(StfError::headline).collect(Collectors.joining("\n")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an StfException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** The problems, in the order of their position in the file. */
    public List<StfError> errors() {
        return errors;
    }
}
