package dev.p4ebpf.conformance.gen;

import java.util.HashMap;
import java.util.Map;

/** Fresh names for a program's declarations: a prefix and a counter per prefix, so nothing is shadowed. */
final class Names {
    private final Map<String, Integer> next = new HashMap<>();

    String next(String prefix) {
        int n = next.merge(prefix, 1, Integer::sum) - 1;
        return prefix + n;
    }
}
