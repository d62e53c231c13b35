package dev.p4ebpf.driver.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A JSON file of table entries and default actions for a bulk load:
 * <pre>{@code
 * { "entries": [ { "table": "ipv4_lpm", "key": { "dstAddr": "10.0.0.0/8" },
 *                  "action": "set_nhop", "args": { "dmac": "00:11:22:33:44:55", "port": "1" } },
 *                { "table": "acl", "key": { "srcAddr": "10.0.0.0&&&0xff000000" }, "action": "deny",
 *                  "priority": 10 } ],
 *   "defaults": [ { "table": "ipv4_lpm", "action": "NoAction" } ] }
 * }</pre>
 * Values are strings in P4 terms (numbers may also be JSON numbers).
 */
public record EntriesFile(List<EntrySpec> entries, List<DefaultSpec> defaults) {
    public EntriesFile {
        entries = List.copyOf(entries == null ? List.of() : entries);
        defaults = List.copyOf(defaults == null ? List.of() : defaults);
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record Raw(List<RawEntry> entries, List<RawDefault> defaults) {}

    private record RawEntry(String table, Map<String, Object> key, String action, Map<String, Object> args,
            Integer priority) {}

    private record RawDefault(String table, String action, Map<String, Object> args) {}

    public static EntriesFile read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new DriverException(Kind.NOT_FOUND, "Cannot read the entries file " + file + ": " + e.getMessage()
                    + ".", null, e);
        }
    }

    public static EntriesFile parse(String json, String source) {
        Raw raw;
        try {
            raw = JSON.readValue(json, Raw.class);
        } catch (JsonMappingException e) {
            StringBuilder path = new StringBuilder("$");
            e.getPath().forEach(r -> path.append(r.getIndex() >= 0 ? "[" + r.getIndex() + "]" : "." + r.getFieldName()));
            throw new DriverException(Kind.BAD_INPUT, source + ": " + path + ": " + e.getOriginalMessage()
                    .replaceAll(" \\(class [^)]*\\)", "") + ". Nothing was loaded.", null, e);
        } catch (JsonProcessingException e) {
            throw new DriverException(Kind.BAD_INPUT, source + ": not valid JSON: " + e.getOriginalMessage()
                    + ". Nothing was loaded.", null, e);
        }
        List<RawEntry> es = raw.entries() == null ? List.of() : raw.entries();
        List<RawDefault> ds = raw.defaults() == null ? List.of() : raw.defaults();
        for (int i = 0; i < es.size(); i++) {
            if (es.get(i).table() == null || es.get(i).action() == null) {
                throw new DriverException(Kind.BAD_INPUT, source + ": $.entries[" + i + "]: needs \"table\" and"
                        + " \"action\". Nothing was loaded.");
            }
        }
        return new EntriesFile(
                es.stream().map(e -> new EntrySpec(e.table(), strings(e.key()), e.action(), strings(e.args()),
                        e.priority())).toList(),
                ds.stream().map(d -> new DefaultSpec(d.table(), d.action(), strings(d.args()))).toList());
    }

    private static Map<String, String> strings(Map<String, Object> m) {
        if (m == null) {
            return Map.of();
        }
        var out = new java.util.LinkedHashMap<String, String>();
        m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
