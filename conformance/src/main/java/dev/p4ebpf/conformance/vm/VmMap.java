package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.MapType;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A BPF map inside the VM, with the kernel's semantics for its type: what {@code bpf_map_*_elem}
 * does from a program (errno-style results, update flags, {@code max_entries}) and what the
 * {@code BPF_MAP_*_ELEM} commands do from user space — here the test side, which installs table
 * entries by key and value bytes as the driver does, and reads the map back.
 *
 * <p>Keys and values are the bytes the kernel sees (host byte order is little-endian). Per-CPU maps
 * have one CPU: their user-side value is that CPU's {@code value_size} bytes.
 */
public abstract sealed class VmMap permits HashTable, ArrayTable, LpmTrie, ProgArray, DevMap, EventArray, RingBuffer {
    /** {@code BPF_ANY}: create or update. */
    public static final long BPF_ANY = 0;
    /** {@code BPF_NOEXIST}: create only. */
    public static final long BPF_NOEXIST = 1;
    /** {@code BPF_EXIST}: update only. */
    public static final long BPF_EXIST = 2;

    final MapSpec spec;
    final Addresses addresses;

    VmMap(MapSpec spec, Addresses addresses) {
        this.spec = spec;
        this.addresses = addresses;
    }

    /** Creates the map a spec describes, refusing what {@code BPF_MAP_CREATE} would refuse. */
    static VmMap create(MapSpec spec, Addresses addresses) throws VmException {
        if (spec.maxEntries() <= 0 && spec.type() != MapType.PERF_EVENT_ARRAY) {
            throw invalid(spec, "max_entries must be positive");
        }
        return switch (spec.type()) {
            case HASH, PERCPU_HASH, LRU_HASH, LRU_PERCPU_HASH -> new HashTable(spec, addresses);
            case ARRAY, PERCPU_ARRAY -> new ArrayTable(spec, addresses);
            case LPM_TRIE -> new LpmTrie(spec, addresses);
            case PROG_ARRAY -> new ProgArray(spec, addresses);
            case DEVMAP -> new DevMap(spec, addresses);
            case PERF_EVENT_ARRAY -> new EventArray(spec, addresses);
            case RINGBUF -> new RingBuffer(spec, addresses);
            default -> throw invalid(spec, "map type " + spec.type() + " is not supported by the VM (supported: HASH,"
                    + " ARRAY, PERCPU_HASH, PERCPU_ARRAY, LRU_HASH, LRU_PERCPU_HASH, LPM_TRIE, PROG_ARRAY, DEVMAP,"
                    + " PERF_EVENT_ARRAY, RINGBUF)");
        };
    }

    static VmException invalid(MapSpec spec, String why) {
        return VmException.setup(VmFault.INVALID_SETUP, "map " + spec.name() + " (" + spec.type() + "): " + why);
    }

    public String name() {
        return spec.name();
    }

    public MapSpec spec() {
        return spec;
    }

    public MapType type() {
        return spec.type();
    }

    /** The value stored under {@code key} (a copy), as {@code BPF_MAP_LOOKUP_ELEM} returns it. */
    public Optional<byte[]> lookup(byte[] key) throws VmException {
        checkSize("key", key, spec.keySize());
        Region r = peekRegion(key);
        return r == null ? Optional.empty() : Optional.of(r.mem.clone());
    }

    /** {@code BPF_MAP_UPDATE_ELEM}; fails with the kernel's errno in the message. */
    public void update(byte[] key, byte[] value, long flags) throws VmException {
        checkSize("key", key, spec.keySize());
        checkSize("value", value, spec.valueSize());
        int rc = updateFromUser(key, value, flags);
        if (rc != 0) {
            throw failed("update of key " + HexFormat.of().formatHex(key), rc);
        }
    }

    /** {@code BPF_MAP_DELETE_ELEM}: true if the key was there. */
    public boolean delete(byte[] key) throws VmException {
        checkSize("key", key, spec.keySize());
        int rc = deleteElem(key);
        if (rc == -Errno.ENOENT) {
            return false;
        }
        if (rc != 0) {
            throw failed("delete of key " + HexFormat.of().formatHex(key), rc);
        }
        return true;
    }

    /** Every key, in the map's own order (insertion order for hashes, index order for arrays). */
    public abstract List<byte[]> keys();

    /** The program-side lookup: the value's memory, or null. */
    abstract Region lookupRegion(byte[] key);

    /** A lookup that, unlike a program's, does not count as a use (for LRU maps). */
    Region peekRegion(byte[] key) {
        return lookupRegion(key);
    }

    /** The program-side update: 0 or a negative errno. */
    abstract int updateElem(byte[] key, byte[] value, long flags);

    /** The program-side delete: 0 or a negative errno. */
    abstract int deleteElem(byte[] key);

    /** The user-side update, which some types refine. */
    int updateFromUser(byte[] key, byte[] value, long flags) {
        return updateElem(key, value, flags);
    }

    /** A map value region that programs may read and write. */
    Region valueRegion(byte[] value, boolean writable) {
        Region r = Region.memory(Region.Kind.MAP_VALUE, "the value of map " + name(), value, 0, value.length, writable,
                addresses.next());
        r.map = this;
        return r;
    }

    VmException failed(String what, int rc) {
        return VmException.setup(VmFault.MAP_OPERATION, "map " + name() + ": " + what + " failed with "
                + Errno.name(rc) + " (" + rc + ")");
    }

    private void checkSize(String what, byte[] bytes, int size) throws VmException {
        if (bytes.length != size) {
            throw VmException.setup(VmFault.MAP_OPERATION, "map " + name() + ": the " + what + " has " + bytes.length
                    + " bytes, but the map's " + what + " size is " + size);
        }
    }

    static int u32(byte[] b) {
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }
}
