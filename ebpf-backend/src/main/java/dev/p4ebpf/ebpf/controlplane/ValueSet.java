package dev.p4ebpf.ebpf.controlplane;

import java.util.List;

/**
 * A parser value set: a hash map of at most {@code size} keys laid out by {@code keys} (exact
 * matches only), with a one-byte value that is 1 for a member.
 */
public record ValueSet(String name, String controlPlaneName, List<KeyField> keys, int size, String map,
        int keySize) {
    public ValueSet {
        keys = List.copyOf(keys == null ? List.of() : keys);
    }
}
