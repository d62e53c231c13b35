package dev.p4ebpf.driver.table;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.map.MapBatch;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.ebpf.controlplane.Table;
import dev.p4ebpf.ebpf.controlplane.TableMaps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Entries are checked and encoded this many at a time, in parallel, then appended in order. Small
     * chunks keep the objects alive at a young collection few, which is most of a bulk load's GC cost.
     */
    private static final int CHUNK = 1 << 10;

    /** One entry checked and encoded (key null for ternary tables), or the reason it is bad. */
    private record Encoded(Entry entry, byte[] key, byte[] value, DriverException failure) {}

    public Result load(List<EntrySpec> entries, List<DefaultSpec> defaults) {
        EntryParser parser = tables.parser();
        Map<String, Pending> byTable = new LinkedHashMap<>();
        List<Entry> ternary = new ArrayList<>();
        Encoded[] chunk = new Encoded[Math.min(CHUNK, Math.max(1, entries.size()))];
        for (int start = 0; start < entries.size(); start += CHUNK) {
            int from = start;
            int n = Math.min(CHUNK, entries.size() - start);
            java.util.stream.IntStream.range(0, n).parallel()
                    .forEach(j -> chunk[j] = encode(parser, entries.get(from + j), from + j));
            for (int j = 0; j < n; j++) {
                Encoded e = chunk[j];
                if (e.failure() != null) {
                    throw e.failure();
                }
                if (e.key() == null) {
                    ternary.add(e.entry());
                    continue;
                }
                Table t = e.entry().table();
                byTable.computeIfAbsent(t.name(), k -> pending(t, entries.size())).add(e.entry(), e.key(), e.value(),
                        from + j);
            }
        }
        List<Entry> defaultEntries = defaults.stream().map(d -> parser.defaultAction(d.table(), d.action(), d.args()))
                .toList();
        List<Batch> batches = new ArrayList<>();
        for (Pending p : byTable.values()) {
            checkAgainstKernel(p);
            batches.add(new Batch(p.table, p.map, p.flat.keys(), p.flat.values(), p.flat.count()));
        }
        return apply(batches, ternary, defaultEntries);
    }

    private static Encoded encode(EntryParser parser, EntrySpec spec, int index) {
        try {
            Entry e = parser.entry(spec);
            Table t = e.table();
            return switch (t.maps()) {
                case TableMaps.Ternary x -> new Encoded(e, null, null, null);
                case TableMaps.Lpm l -> new Encoded(e, EntryCodec.lpmKey(t, e.key()),
                        EntryCodec.value(t, e.action(), e.args(), 0), null);
                case TableMaps.Exact x -> new Encoded(e, EntryCodec.exactKey(t, e.key()),
                        EntryCodec.value(t, e.action(), e.args(), 0), null);
            };
        } catch (DriverException e) {
            return new Encoded(null, null, null, new DriverException(e.kind(), "Entry " + (index + 1) + " (table "
                    + spec.table() + "): " + e.getMessage(), e.errno().orElse(null), e));
        }
    }

    /** One exact or LPM table's entries being encoded. */
    private static final class Pending {
        final Table table;
        final BpfMap map;
        final boolean array;
        final FlatBatch flat;

        Pending(Table table, BpfMap map, int expected) {
            this.table = table;
            this.map = map;
            this.array = table.maps() instanceof TableMaps.Exact x && x.mapType().equals("array");
            this.flat = new FlatBatch(map.info().keySize(), map.userValueSize(), Math.min(expected,
                    map.info().maxEntries()));
        }

        void add(Entry e, byte[] key, byte[] value, int index) {
            if (array && (EntryCodec.getU32(key, 0) & 0xffffffffL) >= map.info().maxEntries()) {
                throw EntryParser.bad("Entry " + (index + 1) + ": index " + (EntryCodec.getU32(key, 0) & 0xffffffffL)
                        + " is out of range for table " + table.controlPlaneName() + " (" + map.info().maxEntries()
                        + " entries).");
            }
            if (!flat.add(key, value)) {
                throw EntryParser.bad("Entry " + (index + 1) + ": table " + table.controlPlaneName() + " gets two"
                        + " entries with the same key (" + e.key() + ").");
            }
        }
    }

    private Pending pending(Table t, int expected) {
        BpfMap map = tables.source().map(t.maps() instanceof TableMaps.Lpm l ? l.map() : ((TableMaps.Exact) t.maps()).map());
        return new Pending(t, map, expected);
    }

    /** Refuses keys that the map already has, and batches that would not fit. */
    private static void checkAgainstKernel(Pending p) {
        int present = 0;
        for (MapBatch.Entry existing : MapBatch.dump(p.map)) {
            if (p.array && !Tables.nonZero(existing.value())) {
                continue;
            }
            present++;
            if (p.flat.contains(existing.key(), 0)) {
                throw EntryParser.bad("Table " + p.table.controlPlaneName() + " already has an entry with one of the"
                        + " keys being loaded; delete it first or use modify.");
            }
        }
        if (!p.array && present + p.flat.count() > p.map.info().maxEntries()) {
            throw new DriverException(Kind.MAP_FULL, "Table " + p.table.controlPlaneName() + " holds at most "
                    + p.map.info().maxEntries() + " entries; it has " + present + " and " + p.flat.count()
                    + " more were given. Nothing was written. Delete entries first, or give the table a larger size"
                    + " in the P4 program.");
        }
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
