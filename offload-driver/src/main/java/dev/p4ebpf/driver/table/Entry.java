package dev.p4ebpf.driver.table;

import dev.p4ebpf.ebpf.controlplane.Action;
import dev.p4ebpf.ebpf.controlplane.Table;
import java.math.BigInteger;
import java.util.List;

/**
 * A table entry in P4 terms, fully checked against the table's description: one match per key
 * field (in the table's key order), the action and its arguments (in parameter order), and the
 * priority (ternary tables; 0 elsewhere). Build one with {@link EntryParser}.
 */
public record Entry(Table table, List<KeyMatch> key, Action action, List<BigInteger> args, int priority) {
    public Entry {
        key = List.copyOf(key);
        args = List.copyOf(args);
    }
}
