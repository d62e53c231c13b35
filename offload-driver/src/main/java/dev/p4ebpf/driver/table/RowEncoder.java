package dev.p4ebpf.driver.table;

import dev.p4ebpf.ebpf.controlplane.Action;
import dev.p4ebpf.ebpf.controlplane.ActionParam;
import dev.p4ebpf.ebpf.controlplane.Endian;
import dev.p4ebpf.ebpf.controlplane.KeyField;
import dev.p4ebpf.ebpf.controlplane.MatchKind;
import dev.p4ebpf.ebpf.controlplane.Table;
import dev.p4ebpf.ebpf.controlplane.TableMaps;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One exact or LPM table compiled for bulk loads: checks an entry written in the common forms
 * (see {@link P4Value#simple}) and writes its key and value bytes straight into a batch, with
 * no {@code BigInteger} and no object per entry.
 *
 * <p>It is a shortcut, never a second set of rules: it accepts only entries that
 * {@link EntryParser#entry} accepts, and writes exactly the bytes {@link EntryCodec} would
 * (a property test holds it to that). Whatever it is not sure of — other spellings, fields or
 * parameters wider than 64 bits, names given by suffix, positional arguments, and every mistake
 * — it declines, and the caller takes the general path, which gives the same result or the
 * error message. Safe to share between threads.
 */
final class RowEncoder {
    private final Table table;
    private final EntryParser parser;
    private final Field[] fields;
    private final boolean lpm;
    private final boolean array;
    private final int keySize;
    private final int valueSize;
    private final int actionIdOffset;
    private final int priorityOffset;
    private final Map<String, ActionLayout> actions = new ConcurrentHashMap<>();
    private final Map<Action, ActionLayout> layouts = new ConcurrentHashMap<>();

    /** A key field or action parameter: where its bytes go and how wide it may be. */
    private record Field(String name, String altName, int bitWidth, boolean prefix, int byteOffset, int byteSize,
            boolean bigEndian) {}

    /** An action parameter's place in the value. */
    private record Param(String name, int bitWidth, int byteOffset, int byteSize, boolean bigEndian) {}

    /** An action's id and parameters; {@code params} null when one is wider than 64 bits. */
    private record ActionLayout(int id, Param[] params) {}

    private RowEncoder(Table table, EntryParser parser, Field[] fields) {
        this.table = table;
        this.parser = parser;
        this.fields = fields;
        this.lpm = table.maps() instanceof TableMaps.Lpm;
        this.array = table.maps() instanceof TableMaps.Exact x && x.mapType().equals("array");
        this.keySize = table.maps().keySize();
        this.valueSize = table.value().size();
        this.actionIdOffset = table.value().actionIdOffset();
        this.priorityOffset = table.value().priorityOffset();
    }

    /** The encoder of {@code t}, or null when its entries always take the general path (ternary, wide keys). */
    static RowEncoder of(Table t, EntryParser parser) {
        if (t.maps() instanceof TableMaps.Ternary || t.keys().isEmpty()) {
            return null;
        }
        Field[] fields = new Field[t.keys().size()];
        for (int i = 0; i < fields.length; i++) {
            KeyField f = t.keys().get(i);
            boolean lpmKey = t.maps() instanceof TableMaps.Lpm;
            if (f.bitWidth() > 64 || f.match() != MatchKind.EXACT && f.match() != MatchKind.LPM
                    || f.match() == MatchKind.LPM && !lpmKey) {
                return null;
            }
            // Interned: names read from JSON are, so that a lookup is mostly an identity check.
            fields[i] = new Field(f.controlPlaneName().intern(), f.name().equals(f.controlPlaneName()) ? null
                    : f.name().intern(),
                    f.bitWidth(), f.match() == MatchKind.LPM, f.byteOffset(), f.byteSize(),
                    lpmKey || f.byteOrder() == Endian.BIG);
        }
        return new RowEncoder(t, parser, fields);
    }

    Table table() {
        return table;
    }

    /**
     * Checks {@code spec} (of this encoder's table) and writes its key at {@code keys[keyAt]} and
     * its value at {@code values[valueAt]}. False when the general path must decide; the bytes
     * written so far are then meaningless.
     */
    boolean encode(EntrySpec spec, byte[] keys, int keyAt, byte[] values, int valueAt) {
        if (spec.priority() != null || spec.key().size() != fields.length) {
            return false;
        }
        ActionLayout action = action(spec.action());
        if (action == null || spec.args().size() != action.params().length) {
            return false;
        }
        java.util.Arrays.fill(keys, keyAt, keyAt + keySize, (byte) 0);
        int prefix = 0;
        for (Field f : fields) {
            String text = spec.key().get(f.name());
            if (text == null && (f.altName() == null || (text = spec.key().get(f.altName())) == null)) {
                return false;
            }
            int length = f.bitWidth();
            int end = text.length();
            if (f.prefix()) {
                int slash = text.lastIndexOf('/');
                if (slash >= 0) {
                    length = prefixLength(text, slash + 1, f.bitWidth());
                    end = slash;
                }
            }
            long v = length < 0 ? -1 : P4Value.simple(text, 0, end);
            if (v < 0 || !fits(v, f.bitWidth()) || f.prefix() && !hostBitsClear(v, f.bitWidth() - length)) {
                return false;
            }
            if (array) {
                put(keys, keyAt, 4, false, v & 0xffffffffL);
                continue;
            }
            put(keys, keyAt + f.byteOffset(), f.byteSize(), f.bigEndian(), v);
            prefix = f.prefix() ? (f.byteOffset() - 4) * 8 + (f.byteSize() * 8 - f.bitWidth()) + length
                    : Math.max(prefix, (f.byteOffset() + f.byteSize() - 4) * 8);
        }
        if (lpm) {
            put(keys, keyAt, 4, false, prefix & 0xffffffffL);
        }
        return encodeValue(spec.args(), action, values, valueAt);
    }

    private boolean encodeValue(Map<String, String> args, ActionLayout action, byte[] values, int valueAt) {
        java.util.Arrays.fill(values, valueAt, valueAt + valueSize, (byte) 0);
        put(values, valueAt + actionIdOffset, 4, false, action.id() & 0xffffffffL);
        if (priorityOffset >= 0) {
            put(values, valueAt + priorityOffset, 4, false, 0);
        }
        for (Param p : action.params()) {
            String text = args.get(p.name());
            if (text == null) {
                return false;
            }
            long v = P4Value.simple(text, 0, text.length());
            if (v < 0 || !fits(v, p.bitWidth())) {
                return false;
            }
            put(values, valueAt + p.byteOffset(), p.byteSize(), p.bigEndian(), v);
        }
        return true;
    }

    /** The layout of the entry action {@code name}, or null when it is unknown, default-only or has a wide parameter. */
    private ActionLayout action(String name) {
        ActionLayout layout = actions.get(name);
        if (layout == null) {
            Action a = parser.entryActionOrNull(table, name);
            if (a == null || (layout = layouts.computeIfAbsent(a, RowEncoder::layout)).params() == null) {
                return null;
            }
            actions.put(name, layout);
        }
        return layout;
    }

    private static ActionLayout layout(Action a) {
        Param[] params = new Param[a.params().size()];
        for (int i = 0; i < params.length; i++) {
            ActionParam p = a.params().get(i);
            if (p.bitWidth() > 64) {
                return new ActionLayout(a.id(), null);
            }
            params[i] = new Param(p.name().intern(), p.bitWidth(), p.byteOffset(), p.byteSize(), p.byteOrder() == Endian.BIG);
        }
        return new ActionLayout(a.id(), params);
    }

    /** The prefix length written at {@code text[from..]}: one or two ASCII digits, at most {@code width}; else -1. */
    private static int prefixLength(String text, int from, int width) {
        int n = text.length() - from;
        if (n < 1 || n > 2) {
            return -1;
        }
        long v = P4Value.simple(text, from, text.length());
        return v >= 0 && v <= width ? (int) v : -1;
    }

    private static boolean fits(long v, int width) {
        return width >= 64 || v >>> width == 0;
    }

    private static boolean hostBitsClear(long v, int hostBits) {
        return hostBits == 0 || (hostBits >= 64 ? v : v & ((1L << hostBits) - 1)) == 0;
    }

    /** Writes the low bytes of {@code v} into {@code size} bytes at {@code at} (bytes past the eighth are zero). */
    private static void put(byte[] buf, int at, int size, boolean bigEndian, long v) {
        for (int i = 0; i < size; i++) {
            buf[bigEndian ? at + size - 1 - i : at + i] = i < 8 ? (byte) (v >>> (8 * i)) : 0;
        }
    }
}
