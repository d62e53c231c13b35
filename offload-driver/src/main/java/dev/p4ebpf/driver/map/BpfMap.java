package dev.p4ebpf.driver.map;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.Failures;
import dev.p4ebpf.driver.KernelIds;
import dev.p4ebpf.driver.pin.Bpffs;
import dev.p4ebpf.driver.sys.Attr;
import dev.p4ebpf.driver.sys.Bpf;
import dev.p4ebpf.driver.sys.Errno;
import dev.p4ebpf.driver.sys.Fd;
import dev.p4ebpf.driver.sys.ObjectInfo;
import dev.p4ebpf.driver.sys.SyscallException;
import dev.p4ebpf.driver.sys.Uapi;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A BPF map in the kernel, owned through its descriptor. Keys and values are raw bytes exactly as
 * the kernel stores them (for per-CPU maps a value is one 8-byte-aligned slot per possible CPU);
 * the table layer above gives them P4 meaning. Single-element operations and the batch commands
 * are both here; see {@link MapBatch} for bulk transfers.
 */
public final class BpfMap implements AutoCloseable {
    private final Fd fd;
    private final MapInfo info;

    private BpfMap(Fd fd, MapInfo info) {
        this.fd = fd;
        this.info = info;
    }

    /** Creates a map; the caller owns the result. */
    public static BpfMap create(MapAttributes a) {
        try (Arena arena = Arena.ofConfined()) {
            Attr attr = new Attr(arena).u32(Uapi.MAP_CREATE_MAP_TYPE, a.type()).u32(Uapi.MAP_CREATE_KEY_SIZE, a.keySize())
                    .u32(Uapi.MAP_CREATE_VALUE_SIZE, a.valueSize()).u32(Uapi.MAP_CREATE_MAX_ENTRIES, a.maxEntries())
                    .u32(Uapi.MAP_CREATE_MAP_FLAGS, a.flags())
                    .u32(Uapi.MAP_CREATE_INNER_MAP_FD, a.innerMapFd()).name(Uapi.MAP_CREATE_NAME, a.name())
                    .u32(Uapi.MAP_CREATE_IFINDEX, a.ifindex()).u32(Uapi.MAP_CREATE_BTF_FD, a.btfFd())
                    .u32(Uapi.MAP_CREATE_BTF_KEY_TYPE_ID, a.btfKeyTypeId())
                    .u32(Uapi.MAP_CREATE_BTF_VALUE_TYPE_ID, a.btfValueTypeId());
            Fd fd = Bpf.callForFd(Uapi.BPF_MAP_CREATE, attr, "map " + a.name());
            return adopt(fd);
        } catch (SyscallException e) {
            throw createFailure(a, e);
        }
    }

    private static DriverException createFailure(MapAttributes a, SyscallException e) {
        String what = "Creating the " + MapTypes.name(a.type()) + " map " + a.name() + " (key " + a.keySize()
                + " B, value " + a.valueSize() + " B, " + a.maxEntries() + " entries)";
        if (a.ifindex() != 0 && (e.errno().isNotSupported() || e.is(Errno.EINVAL))) {
            return Failures.of(Kind.MODE_UNSUPPORTED, what + " on device " + a.ifindex() + " failed: "
                    + e.errno().describe() + ". The device cannot hold this map in hardware (offload supports"
                    + " only hash and array maps without BTF, and only on NICs whose driver offloads eBPF); load"
                    + " the program in a software mode (xdp, xdp-generic, tc-ingress, tc-egress) instead.", e);
        }
        if (e.is(Errno.EINVAL) || e.is(Errno.E2BIG)) {
            return Failures.of(Kind.BAD_INPUT, what + " failed: " + e.errno().describe() + ". The kernel refuses"
                    + " these sizes or flags for this map type (an lpm_trie needs the no-prealloc flag and a key of"
                    + " a 4-byte prefix length plus data).", e);
        }
        return Failures.of(what, e);
    }

    /** Takes ownership of a map descriptor and reads what the kernel says about it. */
    public static BpfMap adopt(Fd fd) {
        try {
            ObjectInfo i = ObjectInfo.read(fd, Uapi.MAP_INFO_SIZE);
            return new BpfMap(fd, new MapInfo(i.u32(Uapi.MAP_INFO_ID), i.u32(Uapi.MAP_INFO_TYPE),
                    i.u32(Uapi.MAP_INFO_KEY_SIZE), i.u32(Uapi.MAP_INFO_VALUE_SIZE), i.u32(Uapi.MAP_INFO_MAX_ENTRIES),
                    i.u32(Uapi.MAP_INFO_MAP_FLAGS), i.name(Uapi.MAP_INFO_NAME), i.u32(Uapi.MAP_INFO_IFINDEX)));
        } catch (SyscallException e) {
            fd.close();
            throw Failures.of("Reading the description of " + fd.what(), e);
        } catch (RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    /** Opens a pinned map. */
    public static BpfMap fromPin(Path path) {
        return adopt(Bpffs.get(path, "map"));
    }

    /** Opens a map by its kernel id. */
    public static BpfMap fromId(int id) {
        return adopt(KernelIds.open(Uapi.BPF_MAP_GET_FD_BY_ID, id, "map"));
    }

    public Fd fd() {
        return fd;
    }

    public MapInfo info() {
        return info;
    }

    public String name() {
        return info.name();
    }

    /** Bytes of one value as the user-space calls read and write it. */
    public int userValueSize() {
        return MapTypes.userValueSize(info.type(), info.valueSize());
    }

    public void pin(Path path) {
        Bpffs.pin(fd, path);
    }

    /** The value under {@code key}, or empty when there is none. */
    public Optional<byte[]> lookup(byte[] key) {
        checkKey(key);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(userValueSize(), 8);
            Attr attr = elemAttr(arena, key).ptr(Uapi.ELEM_VALUE, value);
            Bpf.call(Uapi.BPF_MAP_LOOKUP_ELEM, attr);
            return Optional.of(value.toArray(JAVA_BYTE));
        } catch (SyscallException e) {
            if (e.is(Errno.ENOENT)) {
                return Optional.empty();
            }
            throw Failures.of("Looking up a key in map " + name(), e);
        }
    }

    /** Writes {@code value} under {@code key}; {@code flags} is BPF_ANY, BPF_NOEXIST or BPF_EXIST. */
    public void update(byte[] key, byte[] value, long flags) {
        checkKey(key);
        checkValue(value);
        try (Arena arena = Arena.ofConfined()) {
            Attr attr = elemAttr(arena, key).ptr(Uapi.ELEM_VALUE, arena.allocateFrom(JAVA_BYTE, value))
                    .u64(Uapi.ELEM_FLAGS, flags);
            Bpf.call(Uapi.BPF_MAP_UPDATE_ELEM, attr);
        } catch (SyscallException e) {
            throw updateFailure(e, flags);
        }
    }

    DriverException updateFailure(SyscallException e, long flags) {
        if (e.is(Errno.E2BIG) || e.is(Errno.ENOSPC)) {
            return Failures.of(Kind.MAP_FULL, "The " + info.typeName() + " map " + name() + " is full: it holds at"
                    + " most " + info.maxEntries() + " entries and the kernel refused another ("
                    + e.errno().name() + "). Delete entries first, or give the table a larger size in the P4"
                    + " program and compile again.", e);
        }
        if (e.is(Errno.EEXIST) && flags == Uapi.BPF_NOEXIST) {
            return Failures.of(Kind.BAD_INPUT, "Map " + name() + " already has an entry with this key; use"
                    + " modify instead of add.", e);
        }
        if (e.is(Errno.ENOENT) && flags == Uapi.BPF_EXIST) {
            return Failures.of(Kind.NOT_FOUND, "Map " + name() + " has no entry with this key; add it first.", e);
        }
        return Failures.of("Writing an entry of map " + name(), e);
    }

    /** Deletes the entry under {@code key}; false when there was none. */
    public boolean delete(byte[] key) {
        checkKey(key);
        try (Arena arena = Arena.ofConfined()) {
            Bpf.call(Uapi.BPF_MAP_DELETE_ELEM, elemAttr(arena, key));
            return true;
        } catch (SyscallException e) {
            if (e.is(Errno.ENOENT)) {
                return false;
            }
            throw Failures.of("Deleting an entry of map " + name(), e);
        }
    }

    /** The key after {@code key} in the kernel's order, or the first key when {@code key} is null. */
    public Optional<byte[]> nextKey(byte[] key) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment next = arena.allocate(Math.max(1, info.keySize()), 8);
            MemorySegment current = key == null ? MemorySegment.NULL : arena.allocateFrom(JAVA_BYTE, key);
            Attr attr = new Attr(arena).u32(Uapi.ELEM_MAP_FD, fd.value()).ptr(Uapi.ELEM_KEY, current)
                    .ptr(Uapi.ELEM_VALUE, next);
            Bpf.call(Uapi.BPF_MAP_GET_NEXT_KEY, attr);
            return Optional.of(next.toArray(JAVA_BYTE));
        } catch (SyscallException e) {
            if (e.is(Errno.ENOENT)) {
                return Optional.empty();
            }
            throw Failures.of("Listing the keys of map " + name(), e);
        }
    }

    /** Every key, by walking BPF_MAP_GET_NEXT_KEY. */
    public List<byte[]> keys() {
        List<byte[]> keys = new ArrayList<>();
        for (Optional<byte[]> k = nextKey(null); k.isPresent(); k = nextKey(k.get())) {
            keys.add(k.get());
            if (keys.size() > info.maxEntries()) {
                break;
            }
        }
        return keys;
    }

    private Attr elemAttr(Arena arena, byte[] key) {
        MemorySegment keySegment = info.keySize() == 0 ? MemorySegment.NULL : arena.allocateFrom(JAVA_BYTE, key);
        return new Attr(arena).u32(Uapi.ELEM_MAP_FD, fd.value()).ptr(Uapi.ELEM_KEY, keySegment);
    }

    void checkKey(byte[] key) {
        if (key.length != info.keySize()) {
            throw new IllegalArgumentException("map " + name() + " has " + info.keySize() + "-byte keys, not "
                    + key.length);
        }
    }

    void checkValue(byte[] value) {
        if (value.length != userValueSize()) {
            throw new IllegalArgumentException("map " + name() + " has " + userValueSize() + "-byte values, not "
                    + value.length);
        }
    }

    @Override
    public void close() {
        fd.close();
    }

    @Override
    public String toString() {
        return "map " + name() + " (" + info.typeName() + ", id " + info.id() + ")";
    }
}
