package dev.p4ebpf.ebpf.object;

import java.util.Optional;

/**
 * A map as the object declares it, before anything is created in the kernel: what
 * {@code BPF_MAP_CREATE} needs.
 *
 * <p>Invariants: non-empty name (at most 15 bytes reach the kernel); key and value sizes as the
 * kernel wants them for the type (0 key size for array-like maps is the caller's mistake, not
 * checked here); {@code btfKeyType}/{@code btfValueType} are 0 or ids in the object's BTF whose
 * sizes are {@code keySize}/{@code valueSize}; {@code inner} is present only for map-in-map types.
 *
 * @param btfKeyType   BTF id of the key type (for {@code btf_key_type_id}), 0 if none
 * @param btfValueType BTF id of the value type, 0 if none
 */
public record MapSpec(String name, MapType type, int keySize, int valueSize, int maxEntries, int flags,
                      Pinning pinning, int numaNode, long mapExtra, Optional<MapSpec> inner,
                      int btfKeyType, int btfValueType) {

    public MapSpec {
        if (name == null || type == null || pinning == null || inner == null) {
            throw new IllegalArgumentException("map spec fields must not be null");
        }
        if (btfKeyType < 0 || btfValueType < 0 || keySize < 0 || valueSize < 0) {
            throw new IllegalArgumentException("map " + name + ": negative size or BTF id");
        }
        if (inner.isPresent() && type != MapType.ARRAY_OF_MAPS && type != MapType.HASH_OF_MAPS) {
            throw new IllegalArgumentException("map " + name + ": only map-in-map types have an inner map");
        }
    }

    /** A map with BTF-typed key and value and no flags. */
    public static MapSpec of(String name, MapType type, int maxEntries, int btfKeyType, int keySize,
                             int btfValueType, int valueSize) {
        return new MapSpec(name, type, keySize, valueSize, maxEntries, 0, Pinning.NONE, 0, 0, Optional.empty(),
                btfKeyType, btfValueType);
    }

    public MapSpec withFlags(int mapFlags) {
        return new MapSpec(name, type, keySize, valueSize, maxEntries, mapFlags, pinning, numaNode, mapExtra, inner,
                btfKeyType, btfValueType);
    }

    public MapSpec withPinning(Pinning pin) {
        return new MapSpec(name, type, keySize, valueSize, maxEntries, flags, pin, numaNode, mapExtra, inner,
                btfKeyType, btfValueType);
    }
}
