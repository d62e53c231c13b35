package dev.p4ebpf.driver.map;

import dev.p4ebpf.driver.sys.Uapi;

/**
 * What BPF_MAP_CREATE is told: the kernel-side parameters of one map. The loader derives these
 * from an object's map spec; tests and tools may build them directly.
 *
 * @param ifindex the device a map is offloaded to, or 0 for a host map
 * @param btfFd a loaded BTF object describing key and value, or 0 for none
 * @param innerMapFd for map-in-map types, a map whose shape the inner maps must have; else 0
 */
public record MapAttributes(String name, int type, int keySize, int valueSize, int maxEntries, int flags,
        int ifindex, int btfFd, int btfKeyTypeId, int btfValueTypeId, int innerMapFd) {

    public MapAttributes {
        if (keySize < 0 || valueSize <= 0 && type != Uapi.BPF_MAP_TYPE_RINGBUF || maxEntries <= 0) {
            throw new IllegalArgumentException("map " + name + ": key " + keySize + ", value " + valueSize
                    + ", max_entries " + maxEntries + " do not describe a map");
        }
    }

    public static MapAttributes of(String name, int type, int keySize, int valueSize, int maxEntries, int flags) {
        return new MapAttributes(name, type, keySize, valueSize, maxEntries, flags, 0, 0, 0, 0, 0);
    }

    public MapAttributes withIfindex(int newIfindex) {
        return new MapAttributes(name, type, keySize, valueSize, maxEntries, flags, newIfindex, btfFd, btfKeyTypeId,
                btfValueTypeId, innerMapFd);
    }

    public MapAttributes withInnerMapFd(int fd) {
        return new MapAttributes(name, type, keySize, valueSize, maxEntries, flags, ifindex, btfFd, btfKeyTypeId,
                btfValueTypeId, fd);
    }

    public MapAttributes withBtf(int fd, int keyTypeId, int valueTypeId) {
        return new MapAttributes(name, type, keySize, valueSize, maxEntries, flags, ifindex, fd, keyTypeId,
                valueTypeId, innerMapFd);
    }

    public boolean isPerCpu() {
        return MapTypes.isPerCpu(type);
    }
}
