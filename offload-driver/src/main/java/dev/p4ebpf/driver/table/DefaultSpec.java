package dev.p4ebpf.driver.table;

import java.util.Map;

/** A default action to set, as a user writes it: table, action, arguments by parameter name. */
public record DefaultSpec(String table, String action, Map<String, String> args) {
    public DefaultSpec {
        args = args == null ? Map.of() : Map.copyOf(args);
    }
}
