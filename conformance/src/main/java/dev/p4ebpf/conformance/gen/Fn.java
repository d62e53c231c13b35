package dev.p4ebpf.conformance.gen;

import java.util.List;

/** A function the program declares at the top level: every parameter {@code in}, a scalar result. */
record Fn(String name, ScalarType result, List<ScalarType> params) {
    Fn {
        params = List.copyOf(params);
    }
}
