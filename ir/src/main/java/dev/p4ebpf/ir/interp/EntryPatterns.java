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
    private final Machine machine;
    private final List<TableKeyInfo> keys;

    EntryPatterns(Machine machine, List<TableKeyInfo> keys) {
        this.machine = machine;
        this.keys = keys;
    }

    List<KeyPattern> of(KeySet ks, Env env) {
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
            out.add(pattern(parts.get(i), keys.get(i), env));
        }
        return out;
    }

    private KeyPattern pattern(KeySet ks, TableKeyInfo key, Env env) {
        return switch (ks) {
            case KeySet.Default d -> new KeyPattern.Any();
            case KeySet.Value v -> value(machine.eval.eval(v.value(), env), key);
            case KeySet.Mask m -> mask(bits(machine.eval.eval(m.value(), env), key),
                    bits(machine.eval.eval(m.mask(), env), key), key);
            case KeySet.Range r -> new KeyPattern.Range(bits(machine.eval.eval(r.lo(), env), key),
                    bits(machine.eval.eval(r.hi(), env), key));
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
