package dev.p4ebpf.ebpf.controlplane;

import java.util.List;
import java.util.Optional;

/**
 * A P4 table.
 *
 * @param name the P4 name, e.g. {@code ingress.ipv4_lpm}
 * @param controlPlaneName its {@code @name}
 * @param keys the key fields in P4 order (empty for a keyless table, which has only a default)
 * @param actions the actions it may run
 * @param size the {@code size} property (entries the maps hold)
 * @param defaultAction the action on a miss
 * @param defaultActionConst true when {@code const default_action}: the control plane may not change it
 * @param maps where the entries live
 * @param value how an entry's value is laid out
 * @param entries the entries the program declares, which the loader installs
 * @param entriesConst true when they are {@code const entries}: the control plane may neither add
 *     nor remove entries
 */
public record Table(String name, String controlPlaneName, List<KeyField> keys, List<Action> actions, int size,
        ActionCall defaultAction, boolean defaultActionConst, TableMaps maps, ValueLayout value,
        List<InitialEntry> entries, boolean entriesConst) {

    public Table {
        keys = List.copyOf(keys == null ? List.of() : keys);
        actions = List.copyOf(actions == null ? List.of() : actions);
        entries = List.copyOf(entries == null ? List.of() : entries);
    }

    /** A table the program declares no entries for. */
    public Table(String name, String controlPlaneName, List<KeyField> keys, List<Action> actions, int size,
                 ActionCall defaultAction, boolean defaultActionConst, TableMaps maps, ValueLayout value) {
        this(name, controlPlaneName, keys, actions, size, defaultAction, defaultActionConst, maps, value, List.of(), false);
    }

    /** The action named {@code text} (P4 name, control-plane name, or its last part). */
    public Optional<Action> action(String text) {
        Optional<Action> exact = actions.stream().filter(a -> a.name().equals(text) || a.controlPlaneName().equals(text))
                .findFirst();
        return exact.isPresent() ? exact : actions.stream().filter(a -> a.isNamed(text)).findFirst();
    }

    public Optional<KeyField> key(String text) {
        return keys.stream().filter(k -> k.name().equals(text) || k.controlPlaneName().equals(text)).findFirst();
    }

    /** True when an entry needs a priority (ternary, range or optional fields). */
    public boolean needsPriority() {
        return maps instanceof TableMaps.Ternary;
    }
}
