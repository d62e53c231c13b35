package dev.p4ebpf.ebpf.controlplane;

/**
 * A register array: an array map of {@code size} entries indexed by a u32, each value
 * {@code valueSize} bytes holding a {@code bitWidth}-bit number in {@code byteOrder}.
 */
public record Register(String name, String controlPlaneName, int bitWidth, int size, String map, int valueSize,
        Endian byteOrder) {}
