package dev.p4ebpf.frontend.source;

import dev.p4ebpf.ir.diag.Span;
import java.util.Arrays;

/**
 * Maps lines of preprocessed text back to the file and line they came from. Built from the line
 * markers the preprocessor writes ({@code #line N "file"}) and from {@code #line} directives in the
 * source itself; the marker lines are blanked out of the text the parser sees.
 */
public final class LineMap {
    private final int[] startLines;
    private final String[] files;
    private final int[] firstOriginalLines;
    private final int size;

    private LineMap(int[] startLines, String[] files, int[] firstOriginalLines, int size) {
        this.startLines = startLines;
        this.files = files;
        this.firstOriginalLines = firstOriginalLines;
        this.size = size;
    }

    /** The identity map for text that was not preprocessed. */
    public static LineMap identity(String file) {
        return new LineMap(new int[] {1}, new String[] {file}, new int[] {1}, 1);
    }

    /** The span covering output line/column {@code line:col} to {@code endLine:endCol}. */
    public Span span(int line, int column, int endLine, int endColumn) {
        int i = segment(line);
        int j = segment(endLine);
        int start = firstOriginalLines[i] + (line - startLines[i]);
        if (i != j) {
            return new Span(files[i], start, column, start, column);
        }
        return new Span(files[i], start, column, firstOriginalLines[j] + (endLine - startLines[j]), endColumn);
    }

    public String fileOf(int line) {
        return files[segment(line)];
    }

    private int segment(int line) {
        int i = Arrays.binarySearch(startLines, 0, size, line);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    /** Collects segments in increasing output-line order. */
    public static final class Builder {
        private int[] startLines = new int[16];
        private String[] files = new String[16];
        private int[] firstOriginalLines = new int[16];
        private int size;

        /** From output line {@code outputLine} on, text comes from {@code file} starting at {@code originalLine}. */
        public Builder mark(int outputLine, String file, int originalLine) {
            if (size > 0 && startLines[size - 1] == outputLine) {
                size--;
            }
            if (size == startLines.length) {
                startLines = Arrays.copyOf(startLines, size * 2);
                files = Arrays.copyOf(files, size * 2);
                firstOriginalLines = Arrays.copyOf(firstOriginalLines, size * 2);
            }
            startLines[size] = outputLine;
            files[size] = file;
            firstOriginalLines[size] = originalLine;
            size++;
            return this;
        }

        public LineMap build(String defaultFile) {
            if (size == 0 || startLines[0] > 1) {
                var b = new Builder();
                b.mark(1, defaultFile, 1);
                for (int i = 0; i < size; i++) {
                    b.mark(startLines[i], files[i], firstOriginalLines[i]);
                }
                return b.build(defaultFile);
            }
            return new LineMap(startLines, files, firstOriginalLines, size);
        }
    }
}
