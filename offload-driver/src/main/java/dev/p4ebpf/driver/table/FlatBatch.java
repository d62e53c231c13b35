package dev.p4ebpf.driver.table;

import java.util.Arrays;

/**
 * The keys and values of one table's batch, back to back in two growing byte arrays, each entry
 * with a tag (its place in the load, for messages). Bulk loads hold a million entries this way
 * without a Java object per entry.
 *
 * <p>Duplicate keys are found once all entries are in ({@link #index}), by a partitioned hash:
 * the entries are first sorted by the top bits of their key's hash into buckets of about a
 * thousand, then each bucket gets its own small open-addressing table. Every table fits in the
 * CPU's caches while it is filled, where one table over a million keys would cost a cache miss
 * per key. The index then answers {@link #contains}.
 */
final class FlatBatch {
    private static final long EMPTY = -1;
    /** About this many entries share a bucket. */
    private static final int BUCKET_BITS = 10;

    private final int keySize;
    private final int valueSize;
    private byte[] keys;
    private byte[] values;
    private int[] tags;
    private int count;
    /** After {@link #index}: how many top hash bits pick the bucket, and where each bucket's table starts. */
    private int bucketBits;
    private int[] tableStart;
    /** Each slot: the key's 32-bit hash, then its entry number; EMPTY when free. */
    private long[] slots;

    FlatBatch(int keySize, int valueSize, int expected) {
        this.keySize = keySize;
        this.valueSize = valueSize;
        int capacity = Math.max(16, expected);
        this.keys = new byte[capacity * keySize];
        this.values = new byte[capacity * valueSize];
        this.tags = new int[capacity];
    }

    int count() {
        return count;
    }

    /**
     * Appends the entry whose key is at {@code keyAt} in {@code keySource} and whose value is at
     * {@code valueAt} in {@code valueSource}, tagged {@code tag}. Duplicates are found later, by
     * {@link #index}.
     */
    void add(byte[] keySource, int keyAt, byte[] valueSource, int valueAt, int tag) {
        if (count == tags.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
            values = Arrays.copyOf(values, values.length * 2);
            tags = Arrays.copyOf(tags, tags.length * 2);
        }
        System.arraycopy(keySource, keyAt, keys, count * keySize, keySize);
        System.arraycopy(valueSource, valueAt, values, count * valueSize, valueSize);
        tags[count++] = tag;
    }

    int tag(int entry) {
        return tags[entry];
    }

    /** The key of entry {@code entry}, for messages. */
    byte[] key(int entry) {
        return Arrays.copyOfRange(keys, entry * keySize, (entry + 1) * keySize);
    }

    /**
     * Indexes the keys. Returns the first entry (in the order added) whose key an earlier entry
     * already has, or -1 when all keys differ.
     */
    int index() {
        bucketBits = Math.max(0, 32 - Integer.numberOfLeadingZeros(count >>> BUCKET_BITS));
        int buckets = 1 << bucketBits;
        int[] start = new int[buckets + 1];
        for (int e = 0; e < count; e++) {
            start[bucket(hash(keys, e * keySize)) + 1]++;
        }
        tableStart = new int[buckets + 1];
        for (int b = 0; b < buckets; b++) {
            tableStart[b + 1] = tableStart[b] + tableSize(start[b + 1]);
            start[b + 1] += start[b];
        }
        long[] byBucket = new long[count];
        int[] fill = Arrays.copyOf(start, buckets);
        for (int e = 0; e < count; e++) {
            int h = hash(keys, e * keySize);
            byBucket[fill[bucket(h)]++] = slot(h, e);
        }
        slots = new long[tableStart[buckets]];
        Arrays.fill(slots, EMPTY);
        int firstDuplicate = -1;
        for (long s : byBucket) {
            int h = (int) (s >>> 32);
            int at = find(keys, (int) s * keySize, h);
            if (slots[at] == EMPTY) {
                slots[at] = s;
            } else if (firstDuplicate < 0 || (int) s < firstDuplicate) {
                firstDuplicate = (int) s;
            }
        }
        return firstDuplicate;
    }

    /** True when {@code key} (at {@code offset} in {@code source}) is one of the batch's keys; after {@link #index}. */
    boolean contains(byte[] source, int offset) {
        return slots[find(source, offset, hash(source, offset))] != EMPTY;
    }

    private int bucket(int hash) {
        return bucketBits == 0 ? 0 : hash >>> (32 - bucketBits);
    }

    /** A power of two at least twice {@code n}. */
    private static int tableSize(int n) {
        return Math.max(2, Integer.highestOneBit(Math.max(1, n)) << 2);
    }

    private static long slot(int hash, int entry) {
        return (long) hash << 32 | entry;
    }

    /** The slot of the bucket's table holding this key, or the free slot where it would go. */
    private int find(byte[] source, int offset, int hash) {
        int b = bucket(hash);
        int base = tableStart[b];
        int mask = tableStart[b + 1] - base - 1;
        int i = hash & mask;
        while (true) {
            long s = slots[base + i];
            if (s == EMPTY) {
                return base + i;
            }
            if ((int) (s >>> 32) == hash) {
                int at = (int) s * keySize;
                if (Arrays.equals(keys, at, at + keySize, source, offset, offset + keySize)) {
                    return base + i;
                }
            }
            i = (i + 1) & mask;
        }
    }

    private int hash(byte[] source, int offset) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < keySize; i++) {
            h = (h ^ (source[offset + i] & 0xff)) * 0x100000001B3L;
        }
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    byte[] keys() {
        return count * keySize == keys.length ? keys : Arrays.copyOf(keys, count * keySize);
    }

    byte[] values() {
        return count * valueSize == values.length ? values : Arrays.copyOf(values, count * valueSize);
    }
}
