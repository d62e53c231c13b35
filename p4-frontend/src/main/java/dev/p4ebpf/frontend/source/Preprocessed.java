package dev.p4ebpf.frontend.source;

import java.util.List;

/**
 * The result of preprocessing one compilation unit: the text the parser reads (line markers
 * blanked), how its lines map back to source files, and every file that was read, in the order
 * first read (the main file first).
 */
public record Preprocessed(String text, LineMap lines, List<String> filesRead) {
    public Preprocessed {
        filesRead = List.copyOf(filesRead);
    }
}
