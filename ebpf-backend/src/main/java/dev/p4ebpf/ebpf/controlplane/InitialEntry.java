package dev.p4ebpf.ebpf.controlplane;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entry the program itself declares ({@code entries = { … }}), installed by the loader before
 * the program is attached.
 *
 * @param key each key field's match by control-plane name, in the forms a user would write
 *     ({@code 0x0a000000/8}, {@code 0x50&&&0xf0}, {@code 0x10..0x1f}, {@code *})
 * @param action the action's P4 name
 * @param args the values of the action's directionless parameters, in order, as {@code 0x} hex
 * @param priority for tables whose entries need one (larger wins), else null
 */
public record InitialEntry(Map<String, String> key, String action, List<String> args, Integer priority) {
    public InitialEntry {
        key = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(key == null ? Map.of() : key));
        args = List.copyOf(args == null ? List.of() : args);
    }
}
