package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.Declaration;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.KeySet;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import java.math.BigInteger;
import java.util.List;

/**
 * What the match kinds allow in table entries: an lpm key takes a prefix mask, an optional key a value
 * or {@code _}; priorities are given only where a key can overlap another (ternary, range, optional,
 * or more than one lpm), and once given they start with the first entry (later entries without one
 * take the next lower priority).
 */
final class EntryRules {
    private final Checker ck;
    private final String table;
    private final List<Table.Key> keys;

    EntryRules(Checker ck, String table, List<Table.Key> keys) {
        this.ck = ck;
        this.table = table;
        this.keys = keys;
    }

    void check(KeySet ks) {
        if (keys.size() == 1) {
            element(ks, keys.getFirst());
        } else if (ks instanceof KeySet.Tuple t && t.elements().size() == keys.size()) {
            for (int i = 0; i < keys.size(); i++) {
                element(t.elements().get(i), keys.get(i));
            }
        }
    }

    private void element(KeySet k, Table.Key key) {
        switch (key.matchKind()) {
            case "optional" -> {
                if (k instanceof KeySet.Mask || k instanceof KeySet.Range) {
                    bad(k, "an optional key takes a value or _");
                }
            }
            case "lpm" -> {
                if (k instanceof KeySet.Mask m && m.mask() instanceof Expr.IntLit mask
                        && key.expr().type() instanceof Type.Bits b && !prefix(mask.value(), b.width())) {
                    bad(k, "the mask of an lpm key must be a prefix (ones followed by zeros)");
                }
                if (k instanceof KeySet.Range) {
                    bad(k, "an lpm key takes a value or value &&& prefix-mask");
                }
            }
            default -> { }
        }
    }

    private static boolean prefix(BigInteger mask, int width) {
        BigInteger inverted = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE).andNot(mask);
        return inverted.add(BigInteger.ONE).and(inverted).signum() == 0;
    }

    private void bad(KeySet k, String why) {
        ck.diags.report(Code.TABLE_PROPERTY, k.span(), table, why);
    }

    /** Priorities: none, or one for every entry, and only on tables whose entries can overlap. */
    static void priorities(Checker ck, String table, List<Table.Key> keys, List<Declaration.Entry> entries) {
        long given = entries.stream().filter(e -> e.priority().isPresent()).count();
        if (given == 0) {
            return;
        }
        long lpm = keys.stream().filter(k -> k.matchKind().equals("lpm")).count();
        boolean overlapping = lpm > 1 || keys.stream().anyMatch(k -> switch (k.matchKind()) {
            case "ternary", "range", "optional" -> true;
            default -> false;
        });
        if (!overlapping) {
            ck.diags.report(Code.TABLE_PROPERTY, entries.stream().filter(e -> e.priority().isPresent()).findFirst()
                    .orElseThrow().span(), table, "its keys cannot overlap, so its entries take no priorities");
        } else if (entries.getFirst().priority().isEmpty()) {
            ck.diags.report(Code.TABLE_PROPERTY, entries.getFirst().span(), table,
                    "some entries have a priority, so the first one needs one too");
        }
    }
}
