package dev.p4ebpf.frontend.source;

/**
 * The text of one source file as it will be preprocessed. {@code name} is how diagnostics name the
 * file: the path the user gave, or {@code <built-in>/core.p4} for a bundled include.
 */
public record SourceFile(String name, String text) {}
