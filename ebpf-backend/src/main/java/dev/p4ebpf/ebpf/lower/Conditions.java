package dev.p4ebpf.ebpf.lower;

/** Boolean values lowered as control flow: a condition branches to one of two blocks. */
final class Conditions {
    private Conditions() {}

    /** Emits the branches of a condition at the current position; closes the current block. */
    @FunctionalInterface
    interface Cond {
        void branch(int ifTrue, int ifFalse);
    }
}
