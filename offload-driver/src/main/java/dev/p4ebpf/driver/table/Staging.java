package dev.p4ebpf.driver.table;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.Table;
import dev.p4ebpf.ebpf.controlplane.TableMaps;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks and encodes chunks of a bulk load's entries, on any thread: each entry of an exact or
 * LPM table becomes a row of key and value bytes in the chunk's flat arrays (through its table's
 * {@link RowEncoder}, or {@link EntryParser} and {@link EntryCodec} for what that declines); a
 * ternary entry stays an {@link Entry}. The first bad entry ends the chunk.
 */
final class Staging {
    private final EntryParser parser;
    private final Map<Table, RowEncoder> encoders = new IdentityHashMap<>();
    private final int keyStride;
    private final int valueStride;

    Staging(ControlPlane cp, EntryParser parser) {
        this.parser = parser;
        int keys = 1;
        int values = 1;
        for (Table t : cp.tables()) {
            RowEncoder e = RowEncoder.of(t, parser);
            if (e != null) {
                encoders.put(t, e);
            }
            keys = Math.max(keys, t.maps().keySize());
            values = Math.max(values, t.value().size());
        }
        this.keyStride = keys;
        this.valueStride = values;
    }

    /**
     * One chunk checked and encoded: rows before {@link #good()} are good; {@link #failure()} is
     * the reason the next one is bad, or null. It holds bytes, not the entries, so that a chunk
     * waiting to be merged keeps little alive.
     */
    final class Staged {
        private final int first;
        private final byte[] keys;
        private final byte[] values;
        private final Table[] tables;
        private final Entry[] ternary;
        private int good;
        private DriverException failure;

        private Staged(int first, int rows) {
            this.first = first;
            this.keys = new byte[rows * keyStride];
            this.values = new byte[rows * valueStride];
            this.tables = new Table[rows];
            this.ternary = new Entry[rows];
        }

        /** The index of the chunk's first entry in the load. */
        int first() {
            return first;
        }

        int good() {
            return good;
        }

        DriverException failure() {
            return failure;
        }

        /** The table of an exact or LPM row. */
        Table table(int row) {
            return tables[row];
        }

        /** The entry of a ternary row, else null. */
        Entry ternary(int row) {
            return ternary[row];
        }

        byte[] keys() {
            return keys;
        }

        byte[] values() {
            return values;
        }

        int keyAt(int row) {
            return row * keyStride;
        }

        int valueAt(int row) {
            return row * valueStride;
        }
    }

    /** Checks and encodes {@code specs}, entries {@code first} onwards of the load. */
    Staged encode(int first, List<EntrySpec> specs) {
        Staged s = new Staged(first, specs.size());
        for (int r = 0; r < specs.size(); r++) {
            EntrySpec spec = specs.get(r);
            try {
                Table t = parser.table(spec.table());
                parser.requireWritable(t);
                RowEncoder fast = encoders.get(t);
                if (fast == null || !fast.encode(spec, s.keys, s.keyAt(r), s.values, s.valueAt(r))) {
                    general(s, r, t, parser.entry(spec));
                } else {
                    s.tables[r] = t;
                }
            } catch (DriverException e) {
                s.failure = new DriverException(e.kind(), "Entry " + (first + r + 1) + " (table " + spec.table() + "): "
                        + e.getMessage(), e.errno().orElse(null), e);
                break;
            }
            s.good = r + 1;
        }
        return s;
    }

    private static void general(Staged s, int r, Table t, Entry e) {
        byte[] key = switch (t.maps()) {
            case TableMaps.Ternary x -> null;
            case TableMaps.Lpm l -> EntryCodec.lpmKey(t, e.key());
            case TableMaps.Exact x -> EntryCodec.exactKey(t, e.key());
        };
        if (key == null) {
            s.ternary[r] = e;
            return;
        }
        byte[] value = EntryCodec.value(t, e.action(), e.args(), 0);
        System.arraycopy(key, 0, s.keys, s.keyAt(r), key.length);
        System.arraycopy(value, 0, s.values, s.valueAt(r), value.length);
        s.tables[r] = t;
    }
}
