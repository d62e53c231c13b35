package dev.p4ebpf.driver.table;

import dev.p4ebpf.ebpf.controlplane.Action;
import dev.p4ebpf.ebpf.controlplane.ActionParam;
import dev.p4ebpf.ebpf.controlplane.Endian;
import dev.p4ebpf.ebpf.controlplane.KeyField;
import dev.p4ebpf.ebpf.controlplane.Table;
import dev.p4ebpf.ebpf.controlplane.TableMaps;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays entries out in the bytes the control-plane description prescribes, and reads them back:
 * keys per map kind (hash, array index, LPM trie, masked TSS keys with range expansion) and values
 * (action id, priority, parameters).
 */
final class EntryCodec {
    private EntryCodec() {}

    /** One TSS record: the key's mask and the masked key bytes. */
    record Masked(byte[] mask, byte[] key) {}

    static void put(byte[] buf, int offset, int size, Endian order, BigInteger v) {
        if (v.bitLength() < 64) {
            long x = v.longValue();
            for (int i = 0; i < size; i++) {
                buf[order == Endian.BIG ? offset + size - 1 - i : offset + i] = i < 8 ? (byte) (x >>> (8 * i)) : 0;
            }
            return;
        }
        byte[] big = v.toByteArray();
        for (int i = 0; i < size; i++) {
            int src = big.length - 1 - i;
            byte b = src >= 0 ? big[src] : 0;
            buf[order == Endian.BIG ? offset + size - 1 - i : offset + i] = b;
        }
    }

    static BigInteger get(byte[] buf, int offset, int size, Endian order) {
        byte[] big = new byte[size + 1];
        for (int i = 0; i < size; i++) {
            big[size - i] = buf[order == Endian.BIG ? offset + size - 1 - i : offset + i];
        }
        return new BigInteger(big);
    }

    static void putU32(byte[] buf, int offset, long v) {
        put(buf, offset, 4, Endian.LITTLE, BigInteger.valueOf(v & 0xffffffffL));
    }

    static int getU32(byte[] buf, int offset) {
        return get(buf, offset, 4, Endian.LITTLE).intValue();
    }

    static byte[] value(Table t, Action action, List<BigInteger> args, int priority) {
        byte[] v = new byte[t.value().size()];
        putU32(v, t.value().actionIdOffset(), action.id());
        if (t.value().priorityOffset() >= 0) {
            putU32(v, t.value().priorityOffset(), priority);
        }
        for (int i = 0; i < action.params().size(); i++) {
            ActionParam p = action.params().get(i);
            put(v, p.byteOffset(), p.byteSize(), p.byteOrder(), args.get(i));
        }
        return v;
    }

    /** The key of an exact table: fields at their offsets, or the u32 index of an array. */
    static byte[] exactKey(Table t, List<KeyMatch> key) {
        byte[] k = new byte[t.maps().keySize()];
        for (int i = 0; i < t.keys().size(); i++) {
            KeyField f = t.keys().get(i);
            BigInteger v = ((KeyMatch.Exact) key.get(i)).value();
            if (t.maps() instanceof TableMaps.Exact e && e.mapType().equals("array")) {
                putU32(k, 0, v.longValue());
            } else {
                put(k, f.byteOffset(), f.byteSize(), f.byteOrder(), v);
            }
        }
        return k;
    }

    /** The LPM trie key: u32 prefix length (host order), then the fields big-endian. */
    static byte[] lpmKey(Table t, List<KeyMatch> key) {
        byte[] k = new byte[t.maps().keySize()];
        int prefix = 0;
        for (int i = 0; i < t.keys().size(); i++) {
            KeyField f = t.keys().get(i);
            switch (key.get(i)) {
                case KeyMatch.Exact e -> {
                    put(k, f.byteOffset(), f.byteSize(), Endian.BIG, e.value());
                    prefix = Math.max(prefix, (f.byteOffset() + f.byteSize() - 4) * 8);
                }
                case KeyMatch.Prefix p -> {
                    put(k, f.byteOffset(), f.byteSize(), Endian.BIG, p.value());
                    prefix = (f.byteOffset() - 4) * 8 + (f.byteSize() * 8 - f.bitWidth()) + p.prefixLength();
                }
                case KeyMatch.Masked m -> throw new IllegalStateException("masked match in an lpm table");
                case KeyMatch.Range r -> throw new IllegalStateException("range match in an lpm table");
            }
        }
        putU32(k, 0, prefix);
        return k;
    }

    /** The TSS records of an entry: one per combination of its ranges' prefix expansions. */
    static List<Masked> maskedKeys(Table t, List<KeyMatch> key) {
        List<Masked> records = new ArrayList<>();
        records.add(new Masked(new byte[t.maps().keySize()], new byte[t.maps().keySize()]));
        for (int i = 0; i < t.keys().size(); i++) {
            KeyField f = t.keys().get(i);
            List<BigInteger[]> forms = valueMasks(f, key.get(i));
            List<Masked> next = new ArrayList<>();
            for (Masked r : records) {
                for (BigInteger[] vm : forms) {
                    byte[] mask = r.mask().clone();
                    byte[] k = r.key().clone();
                    put(mask, f.byteOffset(), f.byteSize(), f.byteOrder(), vm[1]);
                    put(k, f.byteOffset(), f.byteSize(), f.byteOrder(), vm[0].and(vm[1]));
                    next.add(new Masked(mask, k));
                }
            }
            records = next;
        }
        return records;
    }

    private static List<BigInteger[]> valueMasks(KeyField f, KeyMatch m) {
        BigInteger all = P4Value.ones(f.bitWidth());
        return switch (m) {
            case KeyMatch.Exact e -> List.<BigInteger[]>of(new BigInteger[] {e.value(), all});
            case KeyMatch.Prefix p -> List.<BigInteger[]>of(new BigInteger[] {p.value(),
                    all.shiftRight(f.bitWidth() - p.prefixLength()).shiftLeft(f.bitWidth() - p.prefixLength())});
            case KeyMatch.Masked x -> List.<BigInteger[]>of(new BigInteger[] {x.value(), x.mask()});
            case KeyMatch.Range r -> rangeToPrefixes(r.low(), r.high(), f.bitWidth());
        };
    }

    /** The smallest set of aligned power-of-two blocks covering [low, high], as (value, mask) pairs. */
    static List<BigInteger[]> rangeToPrefixes(BigInteger low, BigInteger high, int width) {
        List<BigInteger[]> out = new ArrayList<>();
        BigInteger all = P4Value.ones(width);
        BigInteger lo = low;
        while (lo.compareTo(high) <= 0) {
            int k = lo.signum() == 0 ? width : lo.getLowestSetBit();
            while (k > 0 && lo.add(BigInteger.ONE.shiftLeft(k)).subtract(BigInteger.ONE).compareTo(high) > 0) {
                k--;
            }
            out.add(new BigInteger[] {lo, all.shiftRight(k).shiftLeft(k)});
            lo = lo.add(BigInteger.ONE.shiftLeft(k));
        }
        return out;
    }

    /** The action with the id stored in {@code value}, or null when the id is unknown. */
    static Action actionOf(Table t, byte[] value) {
        int id = getU32(value, t.value().actionIdOffset());
        return t.actions().stream().filter(a -> a.id() == id).findFirst().orElse(null);
    }

    static List<BigInteger> argsOf(Action a, byte[] value) {
        return a.params().stream().map(p -> get(value, p.byteOffset(), p.byteSize(), p.byteOrder())).toList();
    }
}
