package dev.p4ebpf.driver.map;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.Failures;
import dev.p4ebpf.driver.sys.Attr;
import dev.p4ebpf.driver.sys.Bpf;
import dev.p4ebpf.driver.sys.Errno;
import dev.p4ebpf.driver.sys.SyscallException;
import dev.p4ebpf.driver.sys.Uapi;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bulk transfers with the batch commands (BPF_MAP_UPDATE_BATCH, _DELETE_BATCH, _LOOKUP_BATCH):
 * keys and values travel as one contiguous array each, so a million entries cost a handful of
 * system calls. A batch that fails part-way reports how many elements the kernel had processed, so
 * the caller can undo them.
 */
public final class MapBatch {
    private MapBatch() {}

    /** Elements per system call: bounds the kernel's copy and our native buffers. */
    public static final int CHUNK = 1 << 16;

    /**
     * The outcome of a batch write: {@code done} elements were applied, in order; when
     * {@code failure} is present the element at index {@code done} was refused and none after it was tried.
     */
    public record Result(int done, Optional<DriverException> failure) {
        public boolean ok() {
            return failure.isEmpty();
        }
    }

    /** One key/value pair as raw bytes. */
    public record Entry(byte[] key, byte[] value) {}

    /** Writes {@code count} entries laid out back to back in {@code keys} and {@code values}. */
    public static Result update(BpfMap map, byte[] keys, byte[] values, int count, long elemFlags) {
        int k = map.info().keySize();
        int v = map.userValueSize();
        if (keys.length != (long) k * count || values.length != (long) v * count) {
            throw new IllegalArgumentException("batch of " + count + " does not match the key/value arrays");
        }
        int done = 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment keySeg = arena.allocate((long) k * Math.min(count, CHUNK), 8);
            MemorySegment valueSeg = arena.allocate((long) v * Math.min(count, CHUNK), 8);
            while (done < count) {
                int n = Math.min(CHUNK, count - done);
                MemorySegment.copy(keys, done * k, keySeg, JAVA_BYTE, 0, n * k);
                MemorySegment.copy(values, done * v, valueSeg, JAVA_BYTE, 0, n * v);
                Attr attr = new Attr(arena).ptr(Uapi.BATCH_KEYS, keySeg).ptr(Uapi.BATCH_VALUES, valueSeg)
                        .u32(Uapi.BATCH_COUNT, n).u32(Uapi.BATCH_MAP_FD, map.fd().value())
                        .u64(Uapi.BATCH_ELEM_FLAGS, elemFlags);
                try {
                    Bpf.call(Uapi.BPF_MAP_UPDATE_BATCH, attr);
                } catch (SyscallException e) {
                    int partial = attr.getU32(Uapi.BATCH_COUNT);
                    return new Result(done + Math.min(partial, n), Optional.of(map.updateFailure(e, elemFlags)));
                }
                done += n;
            }
        }
        return new Result(done, Optional.empty());
    }

    /** Deletes {@code count} keys laid out back to back; missing keys make the batch fail with ENOENT. */
    public static Result delete(BpfMap map, byte[] keys, int count) {
        int k = map.info().keySize();
        int done = 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment keySeg = arena.allocate((long) k * Math.max(1, Math.min(count, CHUNK)), 8);
            while (done < count) {
                int n = Math.min(CHUNK, count - done);
                MemorySegment.copy(keys, done * k, keySeg, JAVA_BYTE, 0, n * k);
                Attr attr = new Attr(arena).ptr(Uapi.BATCH_KEYS, keySeg).u32(Uapi.BATCH_COUNT, n)
                        .u32(Uapi.BATCH_MAP_FD, map.fd().value());
                try {
                    Bpf.call(Uapi.BPF_MAP_DELETE_BATCH, attr);
                } catch (SyscallException e) {
                    int partial = attr.getU32(Uapi.BATCH_COUNT);
                    return new Result(done + Math.min(partial, n),
                            Optional.of(Failures.of("Deleting a batch of entries of map " + map.name(), e)));
                }
                done += n;
            }
        }
        return new Result(done, Optional.empty());
    }

    /**
     * Every entry of the map. Uses BPF_MAP_LOOKUP_BATCH where the map type has it and falls back to
     * walking the keys one by one where it does not (EINVAL / ENOTSUPP).
     */
    public static List<Entry> dump(BpfMap map) {
        try {
            return lookupBatch(map);
        } catch (SyscallException e) {
            if (e.is(Errno.EINVAL) || e.errno().isNotSupported()) {
                return walk(map);
            }
            throw Failures.of("Reading the entries of map " + map.name(), e);
        }
    }

    private static List<Entry> lookupBatch(BpfMap map) throws SyscallException {
        int k = map.info().keySize();
        int v = map.userValueSize();
        int chunk = Math.max(1, Math.min(map.info().maxEntries(), 4096));
        List<Entry> entries = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            int tokenSize = Math.max(8, k);
            MemorySegment in = arena.allocate(tokenSize, 8);
            MemorySegment out = arena.allocate(tokenSize, 8);
            MemorySegment keySeg = arena.allocate((long) k * chunk, 8);
            MemorySegment valueSeg = arena.allocate((long) v * chunk, 8);
            boolean first = true;
            while (true) {
                Attr attr = new Attr(arena).ptr(Uapi.BATCH_IN, first ? MemorySegment.NULL : in)
                        .ptr(Uapi.BATCH_OUT, out).ptr(Uapi.BATCH_KEYS, keySeg).ptr(Uapi.BATCH_VALUES, valueSeg)
                        .u32(Uapi.BATCH_COUNT, chunk).u32(Uapi.BATCH_MAP_FD, map.fd().value());
                boolean end = false;
                try {
                    Bpf.call(Uapi.BPF_MAP_LOOKUP_BATCH, attr);
                } catch (SyscallException e) {
                    if (!e.is(Errno.ENOENT)) {
                        throw e;
                    }
                    end = true;
                }
                int n = attr.getU32(Uapi.BATCH_COUNT);
                for (int i = 0; i < n; i++) {
                    entries.add(new Entry(keySeg.asSlice((long) i * k, k).toArray(JAVA_BYTE),
                            valueSeg.asSlice((long) i * v, v).toArray(JAVA_BYTE)));
                }
                if (end) {
                    return entries;
                }
                MemorySegment.copy(out, 0, in, 0, tokenSize);
                first = false;
            }
        }
    }

    private static List<Entry> walk(BpfMap map) {
        List<Entry> entries = new ArrayList<>();
        for (byte[] key : map.keys()) {
            map.lookup(key).ifPresent(value -> entries.add(new Entry(key, value)));
        }
        return entries;
    }
}
