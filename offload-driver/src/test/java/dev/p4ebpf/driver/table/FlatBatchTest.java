package dev.p4ebpf.driver.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Duplicate keys found by the partitioned index, against a HashSet, from a handful of keys to a few buckets' worth. */
class FlatBatchTest {
    @Test
    void findsTheFirstDuplicateAndEveryKey() {
        long seed = 20261205L;
        System.out.println("findsTheFirstDuplicateAndEveryKey seed " + seed);
        Random random = new Random(seed);
        for (int trial = 0; trial < 60; trial++) {
            int n = trial < 30 ? random.nextInt(50) : 1 + random.nextInt(20_000);
            int keySize = 1 + random.nextInt(12);
            int range = random.nextBoolean() ? Integer.MAX_VALUE : Math.max(1, n * 4);
            FlatBatch batch = new FlatBatch(keySize, 3, random.nextInt(n + 2));
            Set<ByteBuffer> seen = new HashSet<>();
            int firstDuplicate = -1;
            byte[][] keys = new byte[n][];
            for (int i = 0; i < n; i++) {
                byte[] key = key(random.nextInt(range), keySize);
                keys[i] = key;
                if (!seen.add(ByteBuffer.wrap(key)) && firstDuplicate < 0) {
                    firstDuplicate = i;
                }
                byte[] value = {(byte) i, (byte) (i >> 8), 7};
                batch.add(pad(key), 2, pad(value), 2, 1000 + i);
            }
            assertEquals(n, batch.count());
            assertEquals(firstDuplicate, batch.index(), "trial " + trial);
            for (int i = 0; i < n; i++) {
                assertTrue(batch.contains(pad(keys[i]), 2));
                assertEquals(1000 + i, batch.tag(i));
                assertArrayEquals(keys[i], batch.key(i));
            }
            for (int probe = 0; probe < 100; probe++) {
                byte[] other = key(random.nextInt(), keySize);
                assertEquals(seen.contains(ByteBuffer.wrap(other)), batch.contains(other, 0));
            }
            byte[] values = batch.values();
            assertEquals(n * 3, values.length);
            for (int i = 0; i < n; i++) {
                assertEquals((byte) i, values[i * 3]);
            }
        }
    }

    @Test
    void anEmptyBatchHasNoKeys() {
        FlatBatch batch = new FlatBatch(4, 4, 0);
        assertEquals(-1, batch.index());
        assertFalse(batch.contains(new byte[4], 0));
        assertEquals(0, batch.keys().length);
    }

    private static byte[] key(int seed, int size) {
        byte[] k = new byte[size];
        long x = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < size; i++) {
            k[i] = (byte) (i < 4 ? seed >>> (8 * i) : x >>> (8 * (i % 8)));
        }
        return k;
    }

    private static byte[] pad(byte[] b) {
        byte[] p = new byte[b.length + 4];
        System.arraycopy(b, 0, p, 2, b.length);
        return p;
    }
}
