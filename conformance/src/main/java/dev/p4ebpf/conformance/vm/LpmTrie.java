package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.object.MapSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * {@code LPM_TRIE} with the kernel's semantics: the key is {@code struct { u32 prefixlen; u8 data[]; }}
 * with the prefix length in host order and the data big-endian (most significant bit first); a lookup
 * finds the entry with the longest prefix that matches the key's first {@code prefixlen} bits (none if
 * the key's prefix length is above the maximum); an update or delete names the entry by its prefix
 * length and the bits of the data within it. The map must be created with {@code BPF_F_NO_PREALLOC};
 * a full trie refuses new prefixes with {@code ENOSPC}.
 */
final class LpmTrie extends VmMap {
    private static final int BPF_F_NO_PREALLOC = 1;

    private final int dataSize;
    private final int maxPrefix;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        byte[] key;
        final byte[] value;
        Region region;

        Entry(byte[] key, byte[] value) {
            this.key = key;
            this.value = value;
        }
    }

    LpmTrie(MapSpec spec, Addresses addresses) throws VmException {
        super(spec, addresses);
        dataSize = spec.keySize() - 4;
        maxPrefix = dataSize * 8;
        if (dataSize < 1 || dataSize > 256 || spec.valueSize() <= 0) {
            throw invalid(spec, "an LPM trie needs a key of 5 to 260 bytes (u32 prefixlen, then data) and a value");
        }
        if ((spec.flags() & BPF_F_NO_PREALLOC) == 0) {
            throw invalid(spec, "an LPM trie must be created with BPF_F_NO_PREALLOC (map_flags 1), as the kernel requires");
        }
    }

    /** The entry's identity: prefix length and the data bits within it. */
    private Key prefix(int prefixLen, byte[] key) {
        byte[] id = new byte[4 + dataSize];
        id[0] = (byte) prefixLen;
        id[1] = (byte) (prefixLen >>> 8);
        for (int bit = 0; bit < prefixLen; bit++) {
            int b = 4 + bit / 8;
            id[b] |= (byte) (key[b] & (0x80 >>> (bit % 8)));
        }
        return new Key(id);
    }

    @Override
    public List<byte[]> keys() {
        List<byte[]> out = new ArrayList<>();
        entries.values().forEach(e -> out.add(e.key.clone()));
        return out;
    }

    @Override
    Region lookupRegion(byte[] key) {
        int len = u32(key);
        if (len < 0 || len > maxPrefix) {
            return null;
        }
        for (int p = len; p >= 0; p--) {
            Entry e = entries.get(prefix(p, key));
            if (e != null) {
                if (e.region == null) {
                    e.region = valueRegion(e.value, true);
                }
                return e.region;
            }
        }
        return null;
    }

    @Override
    int updateElem(byte[] key, byte[] value, long flags) {
        if (flags < 0 || flags > BPF_EXIST) {
            return -Errno.EINVAL;
        }
        int len = u32(key);
        if (len < 0 || len > maxPrefix) {
            return -Errno.EINVAL;
        }
        Key id = prefix(len, key);
        Entry old = entries.get(id);
        if (old != null && flags == BPF_NOEXIST) {
            return -Errno.EEXIST;
        }
        if (old == null && flags == BPF_EXIST) {
            return -Errno.ENOENT;
        }
        if (old == null && entries.size() >= spec.maxEntries()) {
            return -Errno.ENOSPC;
        }
        entries.put(id, new Entry(key.clone(), value.clone()));
        return 0;
    }

    @Override
    int deleteElem(byte[] key) {
        int len = u32(key);
        if (len < 0 || len > maxPrefix) {
            return -Errno.EINVAL;
        }
        return entries.remove(prefix(len, key)) == null ? -Errno.ENOENT : 0;
    }
}
