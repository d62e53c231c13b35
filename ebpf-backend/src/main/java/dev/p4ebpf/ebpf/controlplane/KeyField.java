package dev.p4ebpf.ebpf.controlplane;

/**
 * One field of a table key.
 *
 * @param name the P4 expression of the key, e.g. {@code hdr.ipv4.dstAddr}
 * @param controlPlaneName the {@code @name} or, without one, the name the control plane uses
 * @param bitWidth the field's width in bits ({@code bit<W>}), 1 to 2048
 * @param match how it is matched
 * @param byteOffset where it starts in the BPF key, counted from the key's first byte (for LPM
 *     tries this includes the 4-byte prefix length)
 * @param byteSize bytes it occupies there, at least {@code ceil(bitWidth / 8)}
 * @param byteOrder the order of those bytes; LPM data is always {@code big}
 */
public record KeyField(String name, String controlPlaneName, int bitWidth, MatchKind match, int byteOffset,
        int byteSize, Endian byteOrder) {}
