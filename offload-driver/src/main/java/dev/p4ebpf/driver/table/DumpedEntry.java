package dev.p4ebpf.driver.table;

import java.util.Map;

/**
 * An entry read back from the kernel, in P4 terms: key fields by control-plane name (exact values,
 * {@code v/len}, {@code v&&&m}; a range entry shows as its ternary expansion), the action's
 * control-plane name, its arguments by parameter name, and the priority (ternary tables).
 */
public record DumpedEntry(String table, Map<String, String> key, String action, Map<String, String> args,
        int priority) {

    /** The same entry as input, e.g. to copy a table. */
    public EntrySpec toSpec(boolean withPriority) {
        return new EntrySpec(table, key, action, args, withPriority ? priority : null);
    }

    /** {@code key=value ... -> action(param=value, ...)} for printing. */
    public String line() {
        StringBuilder b = new StringBuilder();
        key.forEach((k, v) -> b.append(k).append('=').append(v).append(' '));
        if (priority != 0) {
            b.append("priority=").append(priority).append(' ');
        }
        b.append("-> ").append(action).append('(');
        b.append(String.join(", ", args.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        return b.append(')').toString();
    }
}
