package dev.p4ebpf.driver.table;

import java.util.Arrays;

/**
 * The keys and values of one table's batch, back to back in two growing byte arrays, with an
 * open-addressing index over the keys to find duplicates. Bulk loads hold a million entries this
 * way without a Java object per entry.
 */
final class FlatBatch {
    private final int keySize;
    private final int valueSize;
    private byte[] keys;
    private byte[] values;
    private int count;
    private int[] slots = new int[1 << 10];

    FlatBatch(int keySize, int valueSize, int expected) {
        this.keySize = keySize;
        this.valueSize = valueSize;
        int capacity = Math.max(16, expected);
        this.keys = new byte[capacity * keySize];
        this.values = new byte[capacity * valueSize];
        while (slots.length < capacity * 2) {
            slots = new int[slots.length * 2];
        }
        Arrays.fill(slots, -1);
    }

    int count() {
        return count;
    }

    /** Appends an entry; false (and nothing appended) when its key is already in the batch. */
    boolean add(byte[] key, byte[] value) {
        if (count * 2 >= slots.length) {
            rehash();
        }
        int slot = find(key, 0);
        if (slots[slot] >= 0) {
            return false;
        }
        if ((count + 1) * keySize > keys.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
            values = Arrays.copyOf(values, values.length * 2);
        }
        System.arraycopy(key, 0, keys, count * keySize, keySize);
        System.arraycopy(value, 0, values, count * valueSize, valueSize);
        slots[slot] = count++;
        return true;
    }

    /** True when {@code key} (at {@code offset} in {@code source}) is one of the batch's keys. */
    boolean contains(byte[] source, int offset) {
        return slots[find(source, offset)] >= 0;
    }

    private int find(byte[] source, int offset) {
        int mask = slots.length - 1;
        int i = hash(source, offset) & mask;
        while (slots[i] >= 0) {
            int at = slots[i] * keySize;
            if (Arrays.equals(keys, at, at + keySize, source, offset, offset + keySize)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    private int hash(byte[] source, int offset) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < keySize; i++) {
            h = (h ^ (source[offset + i] & 0xff)) * 0x100000001B3L;
        }
        return (int) (h ^ (h >>> 29));
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        for (int e = 0; e < count; e++) {
            int mask = slots.length - 1;
            int i = hash(keys, e * keySize) & mask;
            while (slots[i] >= 0) {
                i = (i + 1) & mask;
            }
            slots[i] = e;
        }
    }

    byte[] keys() {
        return count * keySize == keys.length ? keys : Arrays.copyOf(keys, count * keySize);
    }

    byte[] values() {
        return count * valueSize == values.length ? values : Arrays.copyOf(values, count * valueSize);
    }

    /** The key of entry {@code i}, for messages. */
    byte[] key(int i) {
        return Arrays.copyOfRange(keys, i * keySize, (i + 1) * keySize);
    }
}
