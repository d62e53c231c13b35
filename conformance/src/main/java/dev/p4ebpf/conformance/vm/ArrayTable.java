package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.object.MapSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ARRAY} and {@code PERCPU_ARRAY} (one CPU): {@code max_entries} zero-filled values indexed by
 * a {@code u32} key, updated in place; every index exists ({@code BPF_NOEXIST} gives {@code EEXIST}),
 * an index past the end gives {@code E2BIG}, and elements cannot be deleted ({@code EINVAL}).
 * Values are allocated when first touched.
 */
final class ArrayTable extends VmMap {
    private final byte[][] values;
    private final Region[] regions;

    ArrayTable(MapSpec spec, Addresses addresses) throws VmException {
        super(spec, addresses);
        if (spec.keySize() != 4 || spec.valueSize() <= 0) {
            throw invalid(spec, "an array needs a 4-byte key and a positive value size");
        }
        if (spec.maxEntries() > 1 << 24) {
            throw invalid(spec, "max_entries " + spec.maxEntries() + " is more than the VM holds (16M)");
        }
        values = new byte[spec.maxEntries()][];
        regions = new Region[spec.maxEntries()];
    }

    @Override
    public List<byte[]> keys() {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new byte[] {(byte) i, (byte) (i >>> 8), (byte) (i >>> 16), (byte) (i >>> 24)});
        }
        return out;
    }

    /** The value at {@code index}, created zero-filled; the index must be in range. */
    byte[] value(int index) {
        if (values[index] == null) {
            values[index] = new byte[spec.valueSize()];
        }
        return values[index];
    }

    /** The memory of element {@code index} (0 for data sections), or null past the end. */
    Region element(int index) {
        if (index < 0 || index >= values.length) {
            return null;
        }
        if (regions[index] == null) {
            regions[index] = valueRegion(value(index), true);
        }
        return regions[index];
    }

    @Override
    Region lookupRegion(byte[] key) {
        return element(u32(key));
    }

    @Override
    int updateElem(byte[] key, byte[] value, long flags) {
        if (flags < 0 || flags > BPF_EXIST) {
            return -Errno.EINVAL;
        }
        int index = u32(key);
        if (index < 0 || index >= values.length) {
            return -Errno.E2BIG;
        }
        if (flags == BPF_NOEXIST) {
            return -Errno.EEXIST;
        }
        System.arraycopy(value, 0, value(index), 0, value.length);
        return 0;
    }

    @Override
    int deleteElem(byte[] key) {
        return -Errno.EINVAL;
    }
}
