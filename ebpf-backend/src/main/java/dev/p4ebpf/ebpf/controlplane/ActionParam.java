package dev.p4ebpf.ebpf.controlplane;

/**
 * One parameter of an action as it is stored in a table's BPF value.
 *
 * @param name the P4 parameter name
 * @param byteOffset where it starts in the BPF value
 */
public record ActionParam(String name, int bitWidth, int byteOffset, int byteSize, Endian byteOrder) {}
