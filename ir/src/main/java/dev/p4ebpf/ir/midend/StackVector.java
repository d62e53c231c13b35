package dev.p4ebpf.ir.midend;

import java.util.Arrays;
import java.util.List;

/**
 * The {@code nextIndex} of each header stack a parser walks with {@code next}/{@code last}, at one
 * point of the parse. Stacks are named by their location ({@code h.vlan}); the order of
 * {@code keys} is fixed for a parser.
 */
record StackVector(List<String> keys, int[] next) {

    static StackVector zeros(List<String> keys) {
        return new StackVector(List.copyOf(keys), new int[keys.size()]);
    }

    int get(String key) {
        int i = keys.indexOf(key);
        return i < 0 ? 0 : next[i];
    }

    StackVector with(String key, int value) {
        int i = keys.indexOf(key);
        if (i < 0) {
            return this;
        }
        int[] n = next.clone();
        n[i] = value;
        return new StackVector(keys, n);
    }

    boolean isZero() {
        return Arrays.stream(next).allMatch(x -> x == 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StackVector v && keys.equals(v.keys) && Arrays.equals(next, v.next);
    }

    @Override
    public int hashCode() {
        return keys.hashCode() * 31 + Arrays.hashCode(next);
    }

    @Override
    public String toString() {
        return Arrays.toString(next);
    }
}
