package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.MapType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code HASH}, {@code PERCPU_HASH}, {@code LRU_HASH} and {@code LRU_PERCPU_HASH}. An update of an
 * existing key in a (LRU) hash puts a new element in place of the old one, as the kernel does: a
 * pointer a program looked up before points to the old value, which is no longer in the map. Per-CPU
 * hashes update in place. A full hash refuses new keys with {@code E2BIG}; an LRU hash evicts its
 * least recently used element instead (strict LRU, where the kernel's is approximate: the two agree
 * whenever nothing is evicted).
 */
final class HashTable extends VmMap {
    private final boolean lru;
    private final boolean perCpu;
    private final LinkedHashMap<Key, Entry> entries;

    private static final class Entry {
        final byte[] value;
        Region region;

        Entry(byte[] value) {
            this.value = value;
        }
    }

    HashTable(MapSpec spec, Addresses addresses) throws VmException {
        super(spec, addresses);
        this.lru = spec.type() == MapType.LRU_HASH || spec.type() == MapType.LRU_PERCPU_HASH;
        this.perCpu = spec.type() == MapType.PERCPU_HASH || spec.type() == MapType.LRU_PERCPU_HASH;
        if (spec.keySize() <= 0 || spec.valueSize() <= 0) {
            throw invalid(spec, "key and value sizes must be positive");
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, lru);
    }

    @Override
    public List<byte[]> keys() {
        List<byte[]> out = new ArrayList<>();
        entries.keySet().forEach(k -> out.add(k.bytes.clone()));
        return out;
    }

    @Override
    Region lookupRegion(byte[] key) {
        Entry e = entries.get(new Key(key));
        return e == null ? null : region(e);
    }

    @Override
    Region peekRegion(byte[] key) {
        Entry e = lru ? peek(new Key(key)) : entries.get(new Key(key));
        return e == null ? null : region(e);
    }

    private Entry peek(Key k) {
        for (Map.Entry<Key, Entry> e : entries.entrySet()) {
            if (e.getKey().equals(k)) {
                return e.getValue();
            }
        }
        return null;
    }

    private Region region(Entry e) {
        if (e.region == null) {
            e.region = valueRegion(e.value, true);
        }
        return e.region;
    }

    @Override
    int updateElem(byte[] key, byte[] value, long flags) {
        if (flags < 0 || flags > BPF_EXIST) {
            return -Errno.EINVAL;
        }
        Key k = new Key(key.clone());
        Entry old = lru ? peek(k) : entries.get(k);
        if (old != null && flags == BPF_NOEXIST) {
            return -Errno.EEXIST;
        }
        if (old == null && flags == BPF_EXIST) {
            return -Errno.ENOENT;
        }
        if (old != null && perCpu) {
            System.arraycopy(value, 0, old.value, 0, value.length);
            return 0;
        }
        if (old == null && entries.size() >= spec.maxEntries()) {
            if (!lru) {
                return -Errno.E2BIG;
            }
            Iterator<Key> eldest = entries.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        entries.put(k, new Entry(value.clone()));
        return 0;
    }

    @Override
    int deleteElem(byte[] key) {
        return entries.remove(new Key(key)) == null ? -Errno.ENOENT : 0;
    }
}
