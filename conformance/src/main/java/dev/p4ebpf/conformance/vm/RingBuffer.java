package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.object.MapSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code RINGBUF}: the records {@code bpf_ringbuf_output} (or reserve and submit) committed, in
 * order. {@code max_entries} is the size in bytes, a power of two; each record takes an 8-byte header
 * plus its length rounded up to 8, and a record that does not fit in what the test side has not
 * consumed yet is refused with {@code EAGAIN}, as in the kernel.
 */
public final class RingBuffer extends VmMap {
    static final int EAGAIN = 11;
    private static final int HEADER = 8;

    private final List<byte[]> records = new ArrayList<>();
    private long used;

    RingBuffer(MapSpec spec, Addresses addresses) throws VmException {
        super(spec, addresses);
        int size = spec.maxEntries();
        if (Integer.bitCount(size) != 1 || size < 4096 || spec.keySize() != 0 || spec.valueSize() != 0) {
            throw invalid(spec, "a ring buffer needs max_entries a power of two of at least 4096 (a page)"
                    + " and key and value sizes 0");
        }
    }

    static long footprint(long len) {
        return HEADER + ((len + 7) & ~7L);
    }

    /** Reserves room for a record; false when it does not fit. */
    boolean reserve(long len) {
        if (len > Integer.MAX_VALUE || used + footprint(len) > spec.maxEntries()) {
            return false;
        }
        used += footprint(len);
        return true;
    }

    void commit(byte[] data) {
        records.add(data.clone());
    }

    void release(long len) {
        used -= footprint(len);
    }

    /** The committed records, oldest first. */
    public List<byte[]> records() {
        List<byte[]> out = new ArrayList<>();
        records.forEach(r -> out.add(r.clone()));
        return out;
    }

    /** Consumes every record, freeing their room. */
    public void drain() {
        records.clear();
        used = 0;
    }

    @Override
    public List<byte[]> keys() {
        return List.of();
    }

    @Override
    Region lookupRegion(byte[] key) {
        throw new Trap(VmFault.INVALID_HELPER_ARGUMENT, "programs cannot look up ring buffer " + name());
    }

    @Override
    Region peekRegion(byte[] key) {
        return null;
    }

    @Override
    int updateElem(byte[] key, byte[] value, long flags) {
        return -Errno.EOPNOTSUPP;
    }

    @Override
    int deleteElem(byte[] key) {
        return -Errno.EOPNOTSUPP;
    }
}
