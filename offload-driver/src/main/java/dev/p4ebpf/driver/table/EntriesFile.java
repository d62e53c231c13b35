package dev.p4ebpf.driver.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON file of table entries and default actions for a bulk load:
 * <pre>{@code
 * { "entries": [ { "table": "ipv4_lpm", "key": { "dstAddr": "10.0.0.0/8" },
 *                  "action": "set_nhop", "args": { "dmac": "00:11:22:33:44:55", "port": "1" } },
 *                { "table": "acl", "key": { "srcAddr": "10.0.0.0&&&0xff000000" }, "action": "deny",
 *                  "priority": 10 } ],
 *   "defaults": [ { "table": "ipv4_lpm", "action": "NoAction" } ] }
 * }</pre>
 * Values are strings in P4 terms (numbers may also be JSON numbers). Mistakes in the file name the
 * JSON path and line ({@code e.json: $.entries[3].priority: ...}).
 */
public record EntriesFile(List<EntrySpec> entries, List<DefaultSpec> defaults) {
    public EntriesFile {
        entries = List.copyOf(entries == null ? List.of() : entries);
        defaults = List.copyOf(defaults == null ? List.of() : defaults);
    }

    /** Reads {@code file}; see {@link BulkLoader#load(Path)} to load a large one without holding it. */
    public static EntriesFile read(Path file) {
        try (EntriesReader reader = EntriesReader.open(file)) {
            return collect(reader);
        }
    }

    public static EntriesFile parse(String json, String source) {
        try (EntriesReader reader = EntriesReader.of(json, source)) {
            return collect(reader);
        }
    }

    private static EntriesFile collect(EntriesReader reader) {
        List<EntrySpec> entries = new ArrayList<>();
        for (EntrySpec e = reader.next(); e != null; e = reader.next()) {
            entries.add(e);
        }
        return new EntriesFile(entries, reader.defaults());
    }
}
