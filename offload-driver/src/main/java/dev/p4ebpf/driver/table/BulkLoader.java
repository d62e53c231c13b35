package dev.p4ebpf.driver.table;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.map.MapBatch;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.ebpf.controlplane.Table;
import dev.p4ebpf.ebpf.controlplane.TableMaps;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *
 * <p>Entries are checked and encoded in chunks on every core ({@link OrderedParallel}), straight
 * into flat key and value arrays ({@link RowEncoder}, with {@link EntryParser} for what it
 * declines); an entries file is read as it is checked ({@link EntriesReader}), so a load holds the
 * encoded bytes, not the entries.
 */
public final class BulkLoader {
    /** What a load did. */
    public record Result(int entries, int defaults, int batchCalls) {}

    /** Entries per chunk of work: small enough for the caches, large enough to make hand-offs rare. */
    static final int CHUNK = 1 << 12;

    /** Below this size an entries file is read and checked on the calling thread alone. */
    private static final long SMALL_FILE = 1 << 20;

    private final Tables tables;

    public BulkLoader(Tables tables) {
        this.tables = tables;
    }

    /** One table's batch: its map and the keys/values laid back to back. */
    private record Batch(Table table, BpfMap map, byte[] keys, byte[] values, int count) {}

    /** Consecutive entries of a load, the first being entry {@code first} (from 0). */
    private record Chunk(int first, List<EntrySpec> specs) {}

    /** Installs {@code entries} and sets {@code defaults}; all or nothing. */
    public Result load(List<EntrySpec> entries, List<DefaultSpec> defaults) {
        int[] next = {0};
        OrderedParallel.Source<Chunk> chunks = () -> {
            int from = next[0];
            if (from >= entries.size()) {
                return null;
            }
            next[0] = Math.min(entries.size(), from + CHUNK);
            return new Chunk(from, entries.subList(from, next[0]));
        };
        Collected c = collect(chunks, entries.size() > CHUNK ? threads() : 1, entries.size());
        return install(c, defaults);
    }

    /**
     * Installs the entries and defaults of an entries file (see {@link EntriesFile}), reading it
     * as it goes; all or nothing, and nothing is written unless the whole file is good.
     */
    public Result load(Path entriesFile) {
        long size = fileSize(entriesFile);
        try (EntriesReader reader = EntriesReader.open(entriesFile)) {
            OrderedParallel.Source<Chunk> chunks = () -> {
                int first = reader.count();
                List<EntrySpec> specs = new ArrayList<>(CHUNK);
                for (EntrySpec e; specs.size() < CHUNK && (e = reader.next()) != null; ) {
                    specs.add(e);
                }
                return specs.isEmpty() ? null : new Chunk(first, specs);
            };
            // An entry takes 40 bytes of JSON at the least: a bound for the batches' first allocation.
            Collected c = collect(chunks, size > SMALL_FILE ? threads() : 1, (int) Math.min(Integer.MAX_VALUE,
                    size / 40 + 1));
            return install(c, reader.defaults());
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Every good entry so far: exact and LPM tables' batches, and ternary entries. */
    private static final class Collected {
        final Map<String, Pending> byTable = new LinkedHashMap<>();
        final List<Entry> ternary = new ArrayList<>();
    }

    private Collected collect(OrderedParallel.Source<Chunk> chunks, int threads, int expected) {
        Staging staging = new Staging(tables.controlPlane(), tables.parser());
        Collected c = new Collected();
        try {
            OrderedParallel.run(chunks, chunk -> staging.encode(chunk.first(), chunk.specs()),
                    staged -> merge(staged, c, expected), threads);
        } catch (DriverException e) {
            // Every entry merged came before the bad one; a duplicate among them is the first mistake.
            refuseDuplicates(c);
            throw e;
        }
        refuseDuplicates(c);
        return c;
    }

    /**
     * Indexes each table's batch, and refuses the load at the first entry (in load order) whose
     * key an earlier entry of its table has.
     */
    private static void refuseDuplicates(Collected c) {
        Pending worst = null;
        int worstAt = -1;
        for (Pending p : c.byTable.values()) {
            int d = p.flat.index();
            if (d >= 0 && (worst == null || p.flat.tag(d) < worst.flat.tag(worstAt))) {
                worst = p;
                worstAt = d;
            }
        }
        if (worst != null) {
            Table t = worst.table;
            byte[] key = worst.flat.key(worstAt);
            Map<String, String> shown = t.maps() instanceof TableMaps.Exact x ? Tables.exactKeyText(t, x, key)
                    : Tables.lpmKeyText(t, key);
            throw EntryParser.bad("Entry " + (worst.flat.tag(worstAt) + 1) + ": table " + t.controlPlaneName() + " gets"
                    + " two entries with the same key (" + KeyText.show(shown) + ").");
        }
    }

    /** Adds a chunk's good entries to their tables' batches in order, then throws its failure, if any. */
    private void merge(Staging.Staged s, Collected c, int expected) {
        Pending p = null;
        for (int r = 0; r < s.good(); r++) {
            Entry ternary = s.ternary(r);
            if (ternary != null) {
                c.ternary.add(ternary);
                continue;
            }
            Table t = s.table(r);
            if (p == null || p.table != t) {
                p = c.byTable.get(t.name());
                if (p == null) {
                    p = pending(t, expected);
                    c.byTable.put(t.name(), p);
                }
            }
            p.add(s, r);
        }
        if (s.failure() != null) {
            throw s.failure();
        }
    }

    private Result install(Collected c, List<DefaultSpec> defaults) {
        EntryParser parser = tables.parser();
        List<Entry> defaultEntries = defaults.stream().map(d -> parser.defaultAction(d.table(), d.action(), d.args()))
                .toList();
        List<Batch> batches = new ArrayList<>();
        for (Pending p : c.byTable.values()) {
            checkAgainstKernel(p);
            batches.add(new Batch(p.table, p.map, p.flat.keys(), p.flat.values(), p.flat.count()));
        }
        return apply(batches, c.ternary, defaultEntries);
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

        void add(Staging.Staged s, int row) {
            int index = s.first() + row;
            if (array) {
                long arrayIndex = EntryCodec.getU32(s.keys(), s.keyAt(row)) & 0xffffffffL;
                if (arrayIndex >= map.info().maxEntries()) {
                    throw EntryParser.bad("Entry " + (index + 1) + ": index " + arrayIndex + " is out of range for"
                            + " table " + table.controlPlaneName() + " (" + map.info().maxEntries() + " entries).");
                }
            }
            flat.add(s.keys(), s.keyAt(row), s.values(), s.valueAt(row), index);
        }
    }

    private Pending pending(Table t, int expected) {
        BpfMap map = tables.source().map(t.maps() instanceof TableMaps.Lpm l ? l.map() : ((TableMaps.Exact) t.maps()).map());
        if (map.info().keySize() != t.maps().keySize() || map.userValueSize() != t.value().size()) {
            throw new DriverException(Kind.BAD_INPUT, "The map " + map.name() + " of table " + t.controlPlaneName()
                    + " has " + map.info().keySize() + "-byte keys and " + map.userValueSize() + "-byte values, but the"
                    + " control-plane description gives " + t.maps().keySize() + " and " + t.value().size()
                    + ": it does not describe this program. Use the prog.json written with the object. Nothing was"
                    + " written.");
        }
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
                undo.add(() -> tables.tss(e.table()).delete(EntryCodec.maskedKeys(e.table(), e.key()), e.priority()));
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
