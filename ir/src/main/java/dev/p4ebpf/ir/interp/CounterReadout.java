package dev.p4ebpf.ir.interp;

/** A counter extern the control plane can read: packets and bytes counted at an index. */
public interface CounterReadout {

    /** The number of cells (indices 0 .. size-1), or -1 when the counter is sparse. */
    long size();

    /** Packets counted at {@code index}. */
    long packets(long index);

    /** Bytes counted at {@code index}. */
    long bytes(long index);
}
