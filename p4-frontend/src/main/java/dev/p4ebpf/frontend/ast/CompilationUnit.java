package dev.p4ebpf.frontend.ast;

import java.util.List;

/** A whole parsed program: its top-level declarations, those of included files in include order. */
public record CompilationUnit(List<Declaration> declarations) {
    public CompilationUnit {
        declarations = List.copyOf(declarations);
    }
}
