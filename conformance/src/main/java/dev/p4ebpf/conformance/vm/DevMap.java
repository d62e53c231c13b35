package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.object.MapSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DEVMAP}, the target table of {@code bpf_redirect_map}: slot {@code i} holds
 * {@code struct bpf_devmap_val} ({@code u32 ifindex}, and with an 8-byte value a {@code u32} program
 * fd, which the VM keeps but never runs). Writing ifindex 0 empties a slot. There are no network
 * devices in the VM, so any ifindex is accepted. Programs may look a slot up, read-only.
 */
final class DevMap extends VmMap {
    private final byte[][] values;
    private final Region[] regions;

    DevMap(MapSpec spec, Addresses addresses) throws VmException {
        super(spec, addresses);
        if (spec.keySize() != 4 || (spec.valueSize() != 4 && spec.valueSize() != 8)) {
            throw invalid(spec, "a device map needs a 4-byte key and a 4- or 8-byte value (struct bpf_devmap_val)");
        }
        values = new byte[spec.maxEntries()][];
        regions = new Region[spec.maxEntries()];
    }

    /** The ifindex in slot {@code index}, or 0 if the slot is empty or past the end. */
    int ifindex(long index) {
        return index >= 0 && index < values.length && values[(int) index] != null ? u32(values[(int) index]) : 0;
    }

    @Override
    public List<byte[]> keys() {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new byte[] {(byte) i, (byte) (i >>> 8), (byte) (i >>> 16), (byte) (i >>> 24)});
        }
        return out;
    }

    @Override
    Region lookupRegion(byte[] key) {
        int i = u32(key);
        if (i < 0 || i >= values.length || values[i] == null) {
            return null;
        }
        if (regions[i] == null) {
            regions[i] = valueRegion(values[i], false);
        }
        return regions[i];
    }

    @Override
    int updateElem(byte[] key, byte[] value, long flags) {
        if (flags < 0 || flags > BPF_EXIST) {
            return -Errno.EINVAL;
        }
        int i = u32(key);
        if (i < 0 || i >= values.length) {
            return -Errno.E2BIG;
        }
        if (flags == BPF_NOEXIST) {
            return -Errno.EEXIST;
        }
        regions[i] = null;
        if (u32(value) == 0) {
            if (value.length == 8 && value[4] != 0) {
                return -Errno.EINVAL;
            }
            values[i] = null;
            return 0;
        }
        values[i] = value.clone();
        return 0;
    }

    @Override
    int deleteElem(byte[] key) {
        int i = u32(key);
        if (i < 0 || i >= values.length) {
            return -Errno.E2BIG;
        }
        values[i] = null;
        regions[i] = null;
        return 0;
    }
}
