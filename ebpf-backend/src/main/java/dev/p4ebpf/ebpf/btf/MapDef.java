package dev.p4ebpf.ebpf.btf;

import java.util.Optional;

/**
 * A libbpf-style BTF map definition: the attributes of one variable in the {@code .maps} section.
 * Sizes are in bytes. A key or value given by BTF type ({@code keyType}/{@code valueType} ≠ 0)
 * has the size of that type; otherwise {@code keySize}/{@code valueSize} say it. Attributes that are
 * 0 are not written. {@code inner} is the template of the inner map of a map-in-map.
 */
public record MapDef(String name, int type, int keySize, int valueSize, int maxEntries, int flags,
                     int pinning, int numaNode, long mapExtra, int keyType, int valueType,
                     Optional<MapDef> inner) {

    public MapDef {
        if (name == null || inner == null) {
            throw new IllegalArgumentException("map definition needs a name (empty for an inner map) and an inner Optional");
        }
    }

    /** A map with BTF key and value types and no other attributes set. */
    public static MapDef of(String name, int type, int maxEntries, int keyType, int keySize, int valueType, int valueSize) {
        return new MapDef(name, type, keySize, valueSize, maxEntries, 0, 0, 0, 0, keyType, valueType, Optional.empty());
    }

    public MapDef withFlags(int mapFlags) {
        return new MapDef(name, type, keySize, valueSize, maxEntries, mapFlags, pinning, numaNode, mapExtra, keyType,
                valueType, inner);
    }

    public MapDef withPinning(int pin) {
        return new MapDef(name, type, keySize, valueSize, maxEntries, flags, pin, numaNode, mapExtra, keyType,
                valueType, inner);
    }
}
