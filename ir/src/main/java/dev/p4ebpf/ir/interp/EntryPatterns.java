package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.KeySet;
import dev.p4ebpf.ir.interp.value.BitsArith;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the keysets of a program's table entries ({@code entries = { (0x0a &&& 0xff, _): a(); }})
 * into one {@link KeyPattern} per key, by the key's match kind: a value is an exact match (a
 * full-length prefix, an all-ones mask, a one-value range), {@code v &&& m} a mask (on an lpm key
 * a prefix as long as the mask's leading ones), {@code _} anything.
 */
final class EntryPatterns {
    private final List<TableKeyInfo> keys;
    private final java.util.function.Function<dev.p4ebpf.ir.Expr, Value> eval;

    EntryPatterns(List<TableKeyInfo> keys, java.util.function.Function<dev.p4ebpf.ir.Expr, Value> eval) {
        this.keys = keys;
        this.eval = eval;
    }

    List<KeyPattern> of(KeySet ks) {
        List<KeySet> parts = ks instanceof KeySet.Tuple t ? t.elements() : List.of(ks);
        if (parts.size() != keys.size()) {
            if (ks instanceof KeySet.Default && keys.size() > 1) {
                parts = java.util.Collections.nCopies(keys.size(), ks);
            } else {
                throw new InterpreterException(ks.span(), "an entry with " + parts.size() + " keysets for "
                        + keys.size() + " keys");
            }
        }
        List<KeyPattern> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(pattern(parts.get(i), keys.get(i)));
        }
        return out;
    }

    private KeyPattern pattern(KeySet ks, TableKeyInfo key) {
        return switch (ks) {
            case KeySet.Default d -> new KeyPattern.Any();
            case KeySet.Value v -> value(eval.apply(v.value()), key);
            case KeySet.Mask m -> mask(bits(eval.apply(m.value()), key),
                    bits(eval.apply(m.mask()), key), key);
            case KeySet.Range r -> new KeyPattern.Range(bits(eval.apply(r.lo()), key),
                    bits(eval.apply(r.hi()), key));
            case KeySet.ValueSetRef r -> throw new InterpreterException(r.span(), "a value set in a table entry");
            case KeySet.Tuple t -> throw new InterpreterException(t.span(), "a nested tuple in a table entry");
        };
    }

    private static KeyPattern value(Value v, TableKeyInfo key) {
        return switch (key.matchKind()) {
            case "lpm" -> new KeyPattern.Prefix(bits(v, key), key.width());
            case "ternary" -> new KeyPattern.Masked(bits(v, key), BitsArith.complement(
                    BitsValue.zero(key.width(), bits(v, key).signed())));
            case "range" -> new KeyPattern.Range(bits(v, key), bits(v, key));
            default -> new KeyPattern.Exact(v);
        };
    }

    private static KeyPattern mask(BitsValue v, BitsValue m, TableKeyInfo key) {
        if (key.matchKind().equals("lpm")) {
            int ones = 0;
            for (int i = key.width() - 1; i >= 0 && m.unsignedValue().testBit(i); i--) {
                ones++;
            }
            return new KeyPattern.Prefix(v, ones);
        }
        return new KeyPattern.Masked(v, m);
    }

    private static BitsValue bits(Value v, TableKeyInfo key) {
        if (v instanceof BitsValue b) {
            return b;
        }
        return Conversions.toBits(v, key.width(), false);
    }
}
