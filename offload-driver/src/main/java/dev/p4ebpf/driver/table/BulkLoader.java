package dev.p4ebpf.driver.table;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.map.MapBatch;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.ebpf.controlplane.Table;
import dev.p4ebpf.ebpf.controlplane.TableMaps;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Installs many entries at once: all are checked first (values, match kinds, duplicates, room in
 * each map, keys that already exist); then hash, array and LPM tables are written with
 * BPF_MAP_UPDATE_BATCH, ternary tables entry by entry, and the default actions last. When the
 * kernel refuses anything, every entry already written is removed and every default restored, so a
 * load either happens entirely or not at all.
 */
public final class BulkLoader {
    /** What a load did. */
    public record Result(int entries, int defaults, int batchCalls) {}

    private final Tables tables;

    public BulkLoader(Tables tables) {
        this.tables = tables;
    }

    /** One table's batch: its map and the keys/values laid back to back. */
    private record Batch(Table table, BpfMap map, byte[] keys, byte[] values, int count) {}

    public Result load(List<EntrySpec> entries, List<DefaultSpec> defaults) {
        EntryParser parser = tables.parser();
        Map<String, List<Entry>> byTable = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = checked(parser, entries.get(i), i);
            byTable.computeIfAbsent(e.table().name(), k -> new ArrayList<>()).add(e);
        }
        List<Entry> defaultEntries = defaults.stream().map(d -> parser.defaultAction(d.table(), d.action(), d.args()))
                .toList();
        List<Batch> batches = new ArrayList<>();
        List<Entry> ternary = new ArrayList<>();
        for (List<Entry> group : byTable.values()) {
            if (group.getFirst().table().maps() instanceof TableMaps.Ternary) {
                ternary.addAll(group);
            } else {
                batches.add(batch(group));
            }
        }
        return apply(batches, ternary, defaultEntries);
    }

    private static Entry checked(EntryParser parser, EntrySpec spec, int index) {
        try {
            return parser.entry(spec);
        } catch (DriverException e) {
            throw new DriverException(e.kind(), "Entry " + (index + 1) + " (table " + spec.table() + "): "
                    + e.getMessage(), e.errno().orElse(null), e);
        }
    }

    /** Encodes one table's entries and checks duplicates, existing keys and capacity. */
    private Batch batch(List<Entry> group) {
        Table t = group.getFirst().table();
        BpfMap map = tables.source().map(t.maps() instanceof TableMaps.Lpm l ? l.map() : ((TableMaps.Exact) t.maps()).map());
        boolean array = t.maps() instanceof TableMaps.Exact x && x.mapType().equals("array");
        int k = map.info().keySize();
        int v = map.userValueSize();
        byte[] keys = new byte[group.size() * k];
        byte[] values = new byte[group.size() * v];
        Set<ByteBuffer> seen = new HashSet<>();
        for (int i = 0; i < group.size(); i++) {
            Entry e = group.get(i);
            byte[] key = array || !(t.maps() instanceof TableMaps.Lpm) ? EntryCodec.exactKey(t, e.key())
                    : EntryCodec.lpmKey(t, e.key());
            if (!seen.add(ByteBuffer.wrap(key))) {
                throw EntryParser.bad("Table " + t.controlPlaneName() + " gets two entries with the same key ("
                        + describe(e) + ").");
            }
            if (array && (EntryCodec.getU32(key, 0) & 0xffffffffL) >= map.info().maxEntries()) {
                throw EntryParser.bad("Index " + (EntryCodec.getU32(key, 0) & 0xffffffffL) + " is out of range for"
                        + " table " + t.controlPlaneName() + " (" + map.info().maxEntries() + " entries).");
            }
            System.arraycopy(key, 0, keys, i * k, k);
            System.arraycopy(EntryCodec.value(t, e.action(), e.args(), 0), 0, values, i * v, v);
        }
        checkAgainstKernel(t, map, array, seen);
        return new Batch(t, map, keys, values, group.size());
    }

    private static void checkAgainstKernel(Table t, BpfMap map, boolean array, Set<ByteBuffer> newKeys) {
        int present = 0;
        for (MapBatch.Entry existing : MapBatch.dump(map)) {
            if (array && !Tables.nonZero(existing.value())) {
                continue;
            }
            present++;
            if (newKeys.contains(ByteBuffer.wrap(existing.key()))) {
                throw EntryParser.bad("Table " + t.controlPlaneName() + " already has an entry with one of the keys"
                        + " being loaded; delete it first or use modify.");
            }
        }
        if (!array && present + newKeys.size() > map.info().maxEntries()) {
            throw new DriverException(Kind.MAP_FULL, "Table " + t.controlPlaneName() + " holds at most "
                    + map.info().maxEntries() + " entries; it has " + present + " and " + newKeys.size()
                    + " more were given. Nothing was written. Delete entries first, or give the table a larger size"
                    + " in the P4 program.");
        }
    }

    private static String describe(Entry e) {
        return e.key().toString();
    }

    private Result apply(List<Batch> batches, List<Entry> ternary, List<Entry> defaults) {
        List<Runnable> undo = new ArrayList<>();
        int calls = 0;
        try {
            for (Batch b : batches) {
                boolean array = b.table().maps() instanceof TableMaps.Exact x && x.mapType().equals("array");
                // The batch command takes no NOEXIST flag (elem_flags allows only BPF_F_LOCK): that keys
                // are new was checked against the kernel's entries beforehand.
                MapBatch.Result r = MapBatch.update(b.map(), b.keys(), b.values(), b.count(), Uapi.BPF_ANY);
                calls += (b.count() + MapBatch.CHUNK - 1) / MapBatch.CHUNK;
                undo.add(() -> removeWritten(b, r.done(), array));
                if (!r.ok()) {
                    throw r.failure().get();
                }
            }
            for (Entry e : ternary) {
                tables.write(e, Uapi.BPF_NOEXIST);
                undo.add(() -> tables.tss(e.table()).delete(EntryCodec.maskedKeys(e.table(), e.key())));
            }
            for (Entry d : defaults) {
                BpfMap map = tables.source().map(d.table().maps().defaultMap());
                byte[] old = map.lookup(new byte[4]).orElse(new byte[map.userValueSize()]);
                map.update(new byte[4], EntryCodec.value(d.table(), d.action(), d.args(), 0), Uapi.BPF_ANY);
                undo.add(() -> map.update(new byte[4], old, Uapi.BPF_ANY));
            }
        } catch (DriverException e) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            throw new DriverException(e.kind(), e.getMessage() + " The load was undone: the tables are as they were"
                    + " before it.", e.errno().orElse(null), e);
        }
        int total = batches.stream().mapToInt(Batch::count).sum() + ternary.size();
        return new Result(total, defaults.size(), calls);
    }

    private static void removeWritten(Batch b, int done, boolean array) {
        int k = b.map().info().keySize();
        if (array) {
            byte[] zeros = new byte[done * b.map().userValueSize()];
            MapBatch.update(b.map(), java.util.Arrays.copyOf(b.keys(), done * k), zeros, done, Uapi.BPF_ANY);
            return;
        }
        MapBatch.delete(b.map(), java.util.Arrays.copyOf(b.keys(), done * k), done);
    }
}
