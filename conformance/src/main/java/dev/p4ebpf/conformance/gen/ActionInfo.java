package dev.p4ebpf.conformance.gen;

import java.util.List;

/** An action the control declares: directional parameters first, then action data. */
record ActionInfo(String name, List<Param> params) {
    /** One parameter; {@code direction} is {@code in}, {@code inout}, {@code out} or empty for action data. */
    record Param(String direction, ScalarType type, String name) {
        boolean directional() {
            return !direction.isEmpty();
        }

        String p4() {
            return (directional() ? direction + " " : "") + type.p4() + " " + name;
        }
    }

    ActionInfo {
        params = List.copyOf(params);
    }

    List<Param> directional() {
        return params.stream().filter(Param::directional).toList();
    }

    List<Param> data() {
        return params.stream().filter(p -> !p.directional()).toList();
    }
}
