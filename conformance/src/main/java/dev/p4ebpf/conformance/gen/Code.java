package dev.p4ebpf.conformance.gen;

/**
 * P4 source being written: one construct a line, four spaces per level. Blocks are opened with a
 * line ending in {@code {} and closed by a line holding only {@code }}, which is what the
 * {@link Minimizer} relies on to drop them whole.
 */
final class Code {
    private final StringBuilder text = new StringBuilder();
    private int level;

    Code line(String s) {
        text.append("    ".repeat(level)).append(s).append('\n');
        return this;
    }

    Code blank() {
        text.append('\n');
        return this;
    }

    /** Writes {@code head + " {"} and indents what follows. */
    Code open(String head) {
        line(head + " {");
        level++;
        return this;
    }

    Code close() {
        return close("");
    }

    /** Closes the innermost block with {@code "}" + tail} (e.g. {@code ";"}). */
    Code close(String tail) {
        if (level == 0) {
            throw new IllegalStateException("no block to close");
        }
        level--;
        return line("}" + tail);
    }

    @Override
    public String toString() {
        if (level != 0) {
            throw new IllegalStateException(level + " blocks left open");
        }
        return text.toString();
    }
}
