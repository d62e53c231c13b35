package dev.p4ebpf.ebpf.controlplane;

import java.util.List;

/**
 * An action with its arguments, as the default action of a table: {@code args} are the
 * parameters' values in P4 terms (decimal, {@code 0x} hex, addresses), in parameter order.
 */
public record ActionCall(String action, List<String> args) {
    public ActionCall {
        args = List.copyOf(args == null ? List.of() : args);
    }
}
