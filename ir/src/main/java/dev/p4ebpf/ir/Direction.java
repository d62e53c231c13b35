package dev.p4ebpf.ir;

/** The direction of a parameter. Parameters without one are compile-time or control-plane values. */
public enum Direction {
    NONE(""),
    IN("in"),
    OUT("out"),
    INOUT("inout");

    private final String keyword;

    Direction(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    /** Whether the callee reads the argument's value (copy-in). */
    public boolean copiesIn() {
        return this != OUT;
    }

    /** Whether the callee's final value is written back to the argument (copy-out). */
    public boolean copiesOut() {
        return this == OUT || this == INOUT;
    }
}
