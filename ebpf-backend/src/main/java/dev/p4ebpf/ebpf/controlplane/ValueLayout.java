package dev.p4ebpf.ebpf.controlplane;

/**
 * The bytes of a table's BPF value: a 4-byte little-endian action id at {@code actionIdOffset},
 * for ternary tables a 4-byte little-endian priority at {@code priorityOffset} (-1 otherwise,
 * larger numbers win), and each action's parameters at their own offsets (see
 * {@link ActionParam}); bytes no field covers are zero.
 */
public record ValueLayout(int size, int actionIdOffset, int priorityOffset) {}
