package dev.p4ebpf.conformance.stf;

/**
 * A problem on the line being parsed, thrown inside the parser to abandon that line and caught
 * by {@link StfParser}, which turns it into an {@link StfError} with the file and line and goes
 * on with the next line. Never escapes the package.
 */
final class StfLineError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final StfErrorKind kind;
    private final int column;
    private final int endColumn;

    StfLineError(StfErrorKind kind, int column, int endColumn, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.column = column;
        this.endColumn = endColumn;
    }

    StfErrorKind kind() {
        return kind;
    }

    /** 1-based column of the first offending character. */
    int column() {
        return column;
    }

    /** 1-based column of the last offending character. */
    int endColumn() {
        return endColumn;
    }
}
