package dev.p4ebpf.driver.table;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.map.MapAttributes;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.ebpf.controlplane.Table;
import dev.p4ebpf.ebpf.controlplane.TableMaps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The tuple-space-search maps of one ternary table: a hash map per distinct mask (inner maps of
 * the array-of-maps {@code tuplesMap}) and the mask list {@code masksMap}, kept sorted by
 * descending highest priority. The state is read back from the kernel when opened, so separate
 * processes can manage the same table.
 *
 * <p>Mask-list slots are {@code u32 tupleId; u32 used; u32 maxPriority; u32 pad; u8 mask[keySize]}.
 * A new mask's hash map is filled before its slot is written, and a slot is cleared before its
 * hash map is removed; reordering the list rewrites slots one by one, so a lookup that races with
 * a reorder may see a mask twice or, briefly, miss one.
 */
final class TernaryStore {
    static final int SLOT_HEADER = 16;

    /** One used tuple: its id, mask, hash map and highest priority. */
    private record Tuple(int id, byte[] mask, BpfMap map, int maxPriority) {}

    private final Table table;
    private final TableMaps.Ternary maps;
    private final BpfMap masks;
    private final BpfMap tuples;
    private final List<Tuple> used = new ArrayList<>();

    TernaryStore(Table table, MapSource source) {
        this.table = table;
        this.maps = (TableMaps.Ternary) table.maps();
        this.masks = source.map(maps.masksMap());
        this.tuples = source.map(maps.tuplesMap());
        readBack();
    }

    private void readBack() {
        for (int slot = 0; slot < maps.maxMasks(); slot++) {
            Optional<byte[]> v = masks.lookup(u32(slot));
            if (v.isEmpty() || EntryCodec.getU32(v.get(), 4) == 0) {
                continue;
            }
            byte[] value = v.get();
            int id = EntryCodec.getU32(value, 0);
            byte[] mask = Arrays.copyOfRange(value, SLOT_HEADER, SLOT_HEADER + maps.keySize());
            int innerId = tuples.lookup(u32(id)).map(b -> EntryCodec.getU32(b, 0)).orElse(0);
            if (innerId != 0) {
                used.add(new Tuple(id, mask, BpfMap.fromId(innerId), EntryCodec.getU32(value, 8)));
            }
        }
    }

    private static byte[] u32(int v) {
        byte[] b = new byte[4];
        EntryCodec.putU32(b, 0, v);
        return b;
    }

    /**
     * Inserts the records of one entry ({@code BPF_NOEXIST}) or rewrites them ({@code BPF_EXIST});
     * on failure removes what it added and rethrows. A record whose mask and masked key another
     * entry already holds with another priority (identical keys, or overlapping range expansions)
     * goes into a further hash map with the same mask: both stay in the kernel, and the search,
     * which visits every mask, lets the higher priority win.
     */
    void add(List<EntryCodec.Masked> records, byte[] value, int priority, long flags) {
        List<Runnable> undo = new ArrayList<>();
        try {
            for (EntryCodec.Masked r : records) {
                if (flags == Uapi.BPF_EXIST) {
                    Tuple t = holder(r, priority).orElseThrow(() -> new DriverException(Kind.NOT_FOUND, "Table "
                            + table.controlPlaneName() + " has no entry with this key, mask and priority; add it first."));
                    t.map().update(r.key(), value, Uapi.BPF_EXIST);
                    continue;
                }
                if (holder(r, priority).isPresent()) {
                    throw EntryParser.bad("Table " + table.controlPlaneName() + " already has an entry with this key, mask"
                            + " and priority " + priority + "; use modify to change its action, or give another priority.");
                }
                Tuple t = tupleFor(r, undo);
                t.map().update(r.key(), value, Uapi.BPF_NOEXIST);
                undo.add(() -> t.map().delete(r.key()));
                raisePriority(t, priority);
            }
            writeMaskList();
        } catch (RuntimeException e) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            writeMaskList();
            throw e;
        }
    }

    /**
     * Deletes the records of one entry: in each, the one with this priority, or the only one with
     * the record's mask and key when no priority was given; false when none of them was there.
     */
    boolean delete(List<EntryCodec.Masked> records, Integer priority) {
        boolean any = false;
        for (EntryCodec.Masked r : records) {
            Optional<Tuple> t = priority == null ? only(r) : holder(r, priority);
            if (t.isPresent() && t.get().map().delete(r.key())) {
                any = true;
            }
        }
        List<Tuple> empty = used.stream().filter(t -> t.map().nextKey(null).isEmpty()).toList();
        used.removeAll(empty);
        writeMaskList();
        for (Tuple t : empty) {
            tuples.delete(u32(t.id()));
            t.map().close();
        }
        return any;
    }

    /** The tuple with the record's mask holding its key with this priority (a TCAM entry's identity). */
    private Optional<Tuple> holder(EntryCodec.Masked r, int priority) {
        return withMask(r.mask()).filter(t -> priorityOf(t, r) == priority).findFirst();
    }

    /** The tuple holding the record's key, when exactly one with its mask does. */
    private Optional<Tuple> only(EntryCodec.Masked r) {
        List<Tuple> holding = withMask(r.mask()).filter(t -> priorityOf(t, r) >= 0).toList();
        return holding.size() == 1 ? Optional.of(holding.getFirst()) : Optional.empty();
    }

    /** The priority of the record's key in tuple {@code t}, or -1 when it holds none. */
    private int priorityOf(Tuple t, EntryCodec.Masked r) {
        return t.map().lookup(r.key()).map(v -> EntryCodec.getU32(v, table.value().priorityOffset())).orElse(-1);
    }

    private Stream<Tuple> withMask(byte[] mask) {
        return used.stream().filter(t -> Arrays.equals(t.mask(), mask));
    }

    /** Every record: (mask, masked key, value). */
    List<byte[][]> dump() {
        List<byte[][]> out = new ArrayList<>();
        for (Tuple t : used) {
            for (byte[] key : t.map().keys()) {
                t.map().lookup(key).ifPresent(v -> out.add(new byte[][] {t.mask(), key, v}));
            }
        }
        return out;
    }

    /** A tuple with the record's mask that does not hold its key yet; a new one when there is none. */
    private Tuple tupleFor(EntryCodec.Masked r, List<Runnable> undo) {
        byte[] mask = r.mask();
        Optional<Tuple> free = withMask(mask).filter(t -> priorityOf(t, r) < 0).findFirst();
        if (free.isPresent()) {
            return free.get();
        }
        if (used.size() >= maps.maxMasks()) {
            throw new DriverException(Kind.MAP_FULL, "Table " + table.controlPlaneName() + " already uses all "
                    + maps.maxMasks() + " distinct masks its tuple-space search allows, and this entry needs another."
                    + " Reuse masks of existing entries, or compile with a larger max-masks setting.");
        }
        int id = 0;
        while (isUsedId(id)) {
            id++;
        }
        String name = (maps.tuplesMap() + "_" + id);
        BpfMap inner = BpfMap.create(MapAttributes.of(name.length() > 15 ? name.substring(name.length() - 15) : name,
                Uapi.BPF_MAP_TYPE_HASH, maps.keySize(), table.value().size(), maps.maxEntriesPerMask(), 0));
        try {
            byte[] fd = u32(inner.fd().value());
            tuples.update(u32(id), fd, Uapi.BPF_ANY);
        } catch (RuntimeException e) {
            inner.close();
            throw e;
        }
        Tuple t = new Tuple(id, mask.clone(), inner, 0);
        used.add(t);
        undo.add(() -> {
            if (inner.nextKey(null).isEmpty()) {
                used.removeIf(u -> u.id() == t.id());
                tuples.delete(u32(t.id()));
                inner.close();
            }
        });
        return t;
    }

    private boolean isUsedId(int id) {
        return used.stream().anyMatch(t -> t.id() == id);
    }

    private void raisePriority(Tuple t, int priority) {
        if (priority > t.maxPriority()) {
            used.set(used.indexOf(t), new Tuple(t.id(), t.mask(), t.map(), priority));
        }
    }

    private void writeMaskList() {
        used.sort(Comparator.comparingInt(Tuple::maxPriority).reversed().thenComparingInt(Tuple::id));
        for (int slot = 0; slot < maps.maxMasks(); slot++) {
            byte[] value = new byte[SLOT_HEADER + maps.keySize()];
            if (slot < used.size()) {
                Tuple t = used.get(slot);
                EntryCodec.putU32(value, 0, t.id());
                EntryCodec.putU32(value, 4, 1);
                EntryCodec.putU32(value, 8, t.maxPriority());
                System.arraycopy(t.mask(), 0, value, SLOT_HEADER, maps.keySize());
            }
            if (!Arrays.equals(masks.lookup(u32(slot)).orElse(null), value)) {
                masks.update(u32(slot), value, Uapi.BPF_ANY);
            }
        }
    }

    void close() {
        used.forEach(t -> t.map().close());
        used.clear();
    }
}
