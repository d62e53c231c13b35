package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.interp.value.Value;

/**
 * The executable form the compiler makes of IR nodes, once per block instance: everything that
 * can be resolved without a packet (variables to slots, fields to indices, instances, tables,
 * actions and constants to the objects themselves) is resolved, so that running a packet only
 * does the work P4 describes.
 */
final class Nodes {
    private Nodes() {}

    /** An expression: evaluates to the stored value itself (not a copy) for references. */
    @FunctionalInterface
    interface ExprNode {
        Value eval(Frame f);
    }

    /** An l-value: resolves to its location. */
    @FunctionalInterface
    interface LocNode {
        Location locate(Frame f);
    }

    /** How a statement ended. */
    enum Flow { NORMAL, RETURN, BREAK, CONTINUE }

    /** A statement. {@code exit} unwinds as {@link ExitSignal}. */
    @FunctionalInterface
    interface StmtNode {
        Flow exec(Frame f);
    }

    static final StmtNode EMPTY = f -> Flow.NORMAL;
}
