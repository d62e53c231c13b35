package dev.p4ebpf.driver.map;

/** What the kernel reports about a map (BPF_OBJ_GET_INFO_BY_FD on a map descriptor). */
public record MapInfo(int id, int type, int keySize, int valueSize, int maxEntries, int flags, String name,
        int ifindex) {

    public String typeName() {
        return MapTypes.name(type);
    }
}
