package dev.p4ebpf.ir.diag;

/**
 * A range of source text: the file as the user named it, and 1-based line and column of the first
 * and last character (inclusive). Columns count characters, tabs as one.
 *
 * <p>Spans ride on AST and IR nodes but never take part in their equality: two programs that differ
 * only in where things were written are equal. To get that from records without hand-written
 * {@code equals} everywhere, every span equals every other span and all share one hash code.
 * Compare locations explicitly with {@link #sameLocation}.
 */
public record Span(String file, int line, int column, int endLine, int endColumn) implements Comparable<Span> {

    /** For nodes made by the compiler itself, with no place in any source. */
    public static final Span NONE = new Span("", 0, 0, 0, 0);

    public Span {
        if (file == null) {
            throw new IllegalArgumentException("file is null");
        }
    }

    public static Span at(String file, int line, int column) {
        return new Span(file, line, column, line, column);
    }

    /** The span of just the first character. */
    public Span startOnly() {
        return new Span(file, line, column, line, column);
    }

    public boolean isNone() {
        return line == 0;
    }

    /** The smallest span covering this one and {@code other} (which must be in the same file). */
    public Span to(Span other) {
        if (isNone()) {
            return other;
        }
        if (other.isNone()) {
            return this;
        }
        boolean otherEndsLater = other.endLine > endLine || (other.endLine == endLine && other.endColumn > endColumn);
        boolean otherStartsEarlier = other.line < line || (other.line == line && other.column < column);
        return new Span(file,
                otherStartsEarlier ? other.line : line, otherStartsEarlier ? other.column : column,
                otherEndsLater ? other.endLine : endLine, otherEndsLater ? other.endColumn : endColumn);
    }

    public boolean sameLocation(Span other) {
        return file.equals(other.file) && line == other.line && column == other.column
                && endLine == other.endLine && endColumn == other.endColumn;
    }

    @Override
    public int compareTo(Span o) {
        int c = file.compareTo(o.file);
        if (c == 0) {
            c = Integer.compare(line, o.line);
        }
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    /** Always true for another span: see the class comment. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Span;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    /** {@code file:line:col}, the prefix of a diagnostic. */
    @Override
    public String toString() {
        return isNone() ? "<compiler>" : file + ":" + line + ":" + column;
    }
}
