package dev.p4ebpf.driver.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table entry as a user writes it, before checking: the table, key fields by name with values
 * in P4 terms ({@code 10.0.0.0/8}, {@code 0x0a000000&&&0xff000000}, {@code 80..1023}, {@code *}),
 * the action, its arguments by parameter name, and a priority for ternary tables (larger wins;
 * null when not given). The maps are copied, keeping their order, into small immutable maps.
 */
public record EntrySpec(String table, Map<String, String> key, String action, Map<String, String> args,
        Integer priority) {
    public EntrySpec {
        key = key == null ? FieldTexts.EMPTY : FieldTexts.copyOf(key);
        args = args == null ? FieldTexts.EMPTY : FieldTexts.copyOf(args);
    }

    /** An action call given with positional arguments, named {@code #0}, {@code #1}, ... internally. */
    public static Map<String, String> positional(List<String> values) {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            args.put("#" + i, values.get(i));
        }
        return args;
    }
}
