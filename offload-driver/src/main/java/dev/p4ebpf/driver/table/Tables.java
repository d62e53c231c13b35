package dev.p4ebpf.driver.table;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.map.MapBatch;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.ebpf.controlplane.Action;
import dev.p4ebpf.ebpf.controlplane.ActionCall;
import dev.p4ebpf.ebpf.controlplane.ActionParam;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.KeyField;
import dev.p4ebpf.ebpf.controlplane.Table;
import dev.p4ebpf.ebpf.controlplane.TableMaps;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of one loaded program, by P4 names, through its control-plane description: add,
 * modify, delete and dump entries, set the default action, bulk-load (see {@link BulkLoader}).
 * Every entry is checked completely ({@link EntryParser}) before anything is written, and a
 * write the kernel refuses leaves the table as it was.
 */
public final class Tables implements AutoCloseable {
    private final ControlPlane cp;
    private final MapSource source;
    private final EntryParser parser;
    private final Map<String, TernaryStore> ternary = new HashMap<>();

    public Tables(ControlPlane cp, MapSource source) {
        this.cp = cp;
        this.source = source;
        this.parser = new EntryParser(cp);
    }

    public ControlPlane controlPlane() {
        return cp;
    }

    public EntryParser parser() {
        return parser;
    }

    MapSource source() {
        return source;
    }

    /** Adds an entry; fails if one with the same key exists. */
    public void add(EntrySpec spec) {
        write(parser.entry(spec), Uapi.BPF_NOEXIST);
    }

    /** Adds an entry the program declares ({@link ProgramEntries}), also into a table with const entries. */
    void addDeclared(EntrySpec spec) {
        write(parser.entry(spec, true), Uapi.BPF_NOEXIST);
    }

    /** Changes the action of an existing entry. */
    public void modify(EntrySpec spec) {
        write(parser.entry(spec), Uapi.BPF_EXIST);
    }

    void write(Entry e, long flags) {
        Table t = e.table();
        byte[] value = EntryCodec.value(t, e.action(), e.args(), e.priority());
        switch (t.maps()) {
            case TableMaps.Exact x -> writeExact(t, x, e, value, flags);
            case TableMaps.Lpm l -> source.map(l.map()).update(EntryCodec.lpmKey(t, e.key()), value, flags);
            case TableMaps.Ternary x -> {
                List<EntryCodec.Masked> records = EntryCodec.maskedKeys(t, e.key());
                if (flags == Uapi.BPF_EXIST) {
                    requirePresent(t, records);
                }
                tss(t).add(records, value, e.priority(), flags == Uapi.BPF_EXIST ? Uapi.BPF_EXIST : Uapi.BPF_NOEXIST);
            }
        }
    }

    private void requirePresent(Table t, List<EntryCodec.Masked> records) {
        List<byte[][]> present = tss(t).dump();
        for (EntryCodec.Masked r : records) {
            boolean found = present.stream().anyMatch(p -> java.util.Arrays.equals(p[0], r.mask())
                    && java.util.Arrays.equals(p[1], r.key()));
            if (!found) {
                throw new DriverException(Kind.NOT_FOUND, "Table " + t.controlPlaneName() + " has no entry with this"
                        + " key and mask; add it first. Nothing was written.");
            }
        }
    }

    private void writeExact(Table t, TableMaps.Exact x, Entry e, byte[] value, long flags) {
        BpfMap map = source.map(x.map());
        byte[] key = EntryCodec.exactKey(t, e.key());
        if (!x.mapType().equals("array")) {
            map.update(key, value, flags);
            return;
        }
        long index = EntryCodec.getU32(key, 0) & 0xffffffffL;
        if (index >= map.info().maxEntries()) {
            throw EntryParser.bad("Index " + index + " is out of range for table " + t.controlPlaneName()
                    + ", an array of " + map.info().maxEntries() + " entries.");
        }
        boolean exists = map.lookup(key).map(Tables::nonZero).orElse(false);
        if (flags == Uapi.BPF_NOEXIST && exists) {
            throw EntryParser.bad("Table " + t.controlPlaneName() + " already has an entry at index " + index
                    + "; use modify.");
        }
        if (flags == Uapi.BPF_EXIST && !exists) {
            throw new DriverException(Kind.NOT_FOUND, "Table " + t.controlPlaneName() + " has no entry at index "
                    + index + "; add it first.");
        }
        map.update(key, value, Uapi.BPF_ANY);
    }

    static boolean nonZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Installs the entries and default actions of an entries file, all or nothing, reading it as
     * it goes (see {@link BulkLoader#load(java.nio.file.Path)}).
     */
    public BulkLoader.Result load(java.nio.file.Path entriesFile) {
        return new BulkLoader(this).load(entriesFile);
    }

    /** Installs {@code entries} and sets {@code defaults}, all or nothing (see {@link BulkLoader}). */
    public BulkLoader.Result load(List<EntrySpec> entries, List<DefaultSpec> defaults) {
        return new BulkLoader(this).load(entries, defaults);
    }

    /** Deletes the entry with this key (and priority, for ternary tables); false when there was none. */
    public boolean delete(String table, Map<String, String> key, Integer priority) {
        Entry e = parser.key(table, key, priority);
        Table t = e.table();
        return switch (t.maps()) {
            case TableMaps.Exact x -> {
                BpfMap map = source.map(x.map());
                byte[] k = EntryCodec.exactKey(t, e.key());
                if (!x.mapType().equals("array")) {
                    yield map.delete(k);
                }
                boolean existed = map.lookup(k).map(Tables::nonZero).orElse(false);
                map.update(k, new byte[map.userValueSize()], Uapi.BPF_ANY);
                yield existed;
            }
            case TableMaps.Lpm l -> source.map(l.map()).delete(EntryCodec.lpmKey(t, e.key()));
            case TableMaps.Ternary x -> tss(t).delete(EntryCodec.maskedKeys(t, e.key()), priority);
        };
    }

    /** Sets the action a miss runs. */
    public void setDefault(String table, String action, Map<String, String> args) {
        Entry e = parser.defaultAction(table, action, args);
        byte[] value = EntryCodec.value(e.table(), e.action(), e.args(), 0);
        source.map(e.table().maps().defaultMap()).update(new byte[4], value, Uapi.BPF_ANY);
    }

    /** The default action as the kernel holds it now. */
    public DumpedEntry defaultAction(String table) {
        Table t = parser.table(table);
        byte[] value = source.map(t.maps().defaultMap()).lookup(new byte[4])
                .orElseThrow(() -> new DriverException(Kind.NOT_FOUND, "The default-action map of " + t.controlPlaneName()
                        + " has no entry."));
        if (EntryCodec.getU32(value, t.value().actionIdOffset()) == 0) {
            return programDefault(t);
        }
        return decode(t, Map.of(), value, 0);
    }

    /**
     * The program's own default action, which a miss runs while the control plane has set none
     * (the default map then holds action id 0).
     */
    private static DumpedEntry programDefault(Table t) {
        ActionCall call = t.defaultAction();
        Optional<Action> action = call == null ? Optional.empty() : t.action(call.action());
        if (action.isEmpty()) {
            return new DumpedEntry(t.controlPlaneName(), Map.of(), "<none>", Map.of(), 0);
        }
        Map<String, String> args = new LinkedHashMap<>();
        List<ActionParam> params = action.get().params();
        for (int i = 0; i < params.size() && i < call.args().size(); i++) {
            args.put(params.get(i).name(), call.args().get(i));
        }
        return new DumpedEntry(t.controlPlaneName(), Map.of(), action.get().controlPlaneName(), args, 0);
    }

    /** Every entry of {@code table}, in the kernel's order. */
    public List<DumpedEntry> dump(String table) {
        Table t = parser.table(table);
        List<DumpedEntry> out = new ArrayList<>();
        switch (t.maps()) {
            case TableMaps.Exact x -> {
                for (MapBatch.Entry me : MapBatch.dump(source.map(x.map()))) {
                    if (x.mapType().equals("array") && !nonZero(me.value())) {
                        continue;
                    }
                    out.add(decode(t, exactKeyText(t, x, me.key()), me.value(), 0));
                }
            }
            case TableMaps.Lpm l -> {
                for (MapBatch.Entry me : MapBatch.dump(source.map(l.map()))) {
                    out.add(decode(t, lpmKeyText(t, me.key()), me.value(), 0));
                }
            }
            case TableMaps.Ternary x -> {
                for (byte[][] r : tss(t).dump()) {
                    int priority = EntryCodec.getU32(r[2], t.value().priorityOffset());
                    out.add(decode(t, maskedKeyText(t, r[0], r[1]), r[2], priority));
                }
            }
        }
        return out;
    }

    static Map<String, String> exactKeyText(Table t, TableMaps.Exact x, byte[] key) {
        Map<String, String> text = new LinkedHashMap<>();
        for (KeyField f : t.keys()) {
            BigInteger v = x.mapType().equals("array") ? BigInteger.valueOf(EntryCodec.getU32(key, 0) & 0xffffffffL)
                    : EntryCodec.get(key, f.byteOffset(), f.byteSize(), f.byteOrder());
            text.put(f.controlPlaneName(), P4Value.format(v, f.bitWidth(), f.controlPlaneName()));
        }
        return text;
    }

    static Map<String, String> lpmKeyText(Table t, byte[] key) {
        Map<String, String> text = new LinkedHashMap<>();
        int prefix = EntryCodec.getU32(key, 0);
        for (KeyField f : t.keys()) {
            BigInteger v = EntryCodec.get(key, f.byteOffset(), f.byteSize(), dev.p4ebpf.ebpf.controlplane.Endian.BIG);
            String value = P4Value.format(v, f.bitWidth(), f.controlPlaneName());
            if (f.match() == dev.p4ebpf.ebpf.controlplane.MatchKind.LPM) {
                int before = (f.byteOffset() - 4) * 8 + (f.byteSize() * 8 - f.bitWidth());
                value += "/" + Math.max(0, prefix - before);
            }
            text.put(f.controlPlaneName(), value);
        }
        return text;
    }

    private static Map<String, String> maskedKeyText(Table t, byte[] mask, byte[] key) {
        Map<String, String> text = new LinkedHashMap<>();
        for (KeyField f : t.keys()) {
            BigInteger m = EntryCodec.get(mask, f.byteOffset(), f.byteSize(), f.byteOrder());
            BigInteger v = EntryCodec.get(key, f.byteOffset(), f.byteSize(), f.byteOrder());
            String shown = m.signum() == 0 ? "*" : m.equals(P4Value.ones(f.bitWidth()))
                    ? P4Value.format(v, f.bitWidth(), f.controlPlaneName())
                    : P4Value.format(v, f.bitWidth(), f.controlPlaneName()) + "&&&0x" + m.toString(16);
            text.put(f.controlPlaneName(), shown);
        }
        return text;
    }

    private static DumpedEntry decode(Table t, Map<String, String> key, byte[] value, int priority) {
        Action a = EntryCodec.actionOf(t, value);
        if (a == null) {
            return new DumpedEntry(t.controlPlaneName(), key, "<unknown action id "
                    + EntryCodec.getU32(value, t.value().actionIdOffset()) + ">", Map.of(), priority);
        }
        Map<String, String> args = new LinkedHashMap<>();
        List<BigInteger> values = EntryCodec.argsOf(a, value);
        for (int i = 0; i < values.size(); i++) {
            var p = a.params().get(i);
            args.put(p.name(), P4Value.format(values.get(i), p.bitWidth(), p.name()));
        }
        return new DumpedEntry(t.controlPlaneName(), key, a.controlPlaneName(), args, priority);
    }

    TernaryStore tss(Table t) {
        return ternary.computeIfAbsent(t.name(), n -> new TernaryStore(t, source));
    }

    Optional<Table> table(String name) {
        return cp.table(name);
    }

    @Override
    public void close() {
        ternary.values().forEach(TernaryStore::close);
        ternary.clear();
    }
}
