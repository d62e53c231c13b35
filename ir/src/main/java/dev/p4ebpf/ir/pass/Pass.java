package dev.p4ebpf.ir.pass;

import dev.p4ebpf.ir.Program;

/**
 * One step of the midend: a named function from a typed {@link Program} to a typed Program. A pass
 * reports user errors to {@link PassContext#diagnostics()} and throws
 * {@link dev.p4ebpf.ir.diag.CompilerBug} only for broken invariants. The program it returns is
 * fully typed (every node it built carries its type) and prints as P4 that the frontend checks back
 * to an equal program.
 */
public interface Pass {
    /** The name {@code --dump-after} and {@code --list-passes} use, in kebab-case, e.g. {@code inline-actions}. */
    String name();

    /** One line saying what the pass does. */
    String summary();

    Program apply(Program program, PassContext context);
}
