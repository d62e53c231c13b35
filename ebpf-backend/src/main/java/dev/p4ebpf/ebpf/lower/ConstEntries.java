package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.controlplane.InitialEntry;
import dev.p4ebpf.ebpf.controlplane.KeyField;
import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.KeySet;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.print.ExprPrinter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The entries a table declares, as the loader installs them: each keyset in the text form of its
 * key's match kind, the action's data as hex, and, for tables that rank entries, a priority that
 * orders them as P4 does (an explicit {@code priority} by its value, largest first unless
 * {@code largest_priority_wins = false}; p4c's {@code @priority(N)} smallest first; otherwise
 * earlier entries first). Priorities are renumbered 1, 2, … keeping that order, so that the
 * largest number wins as the maps expect.
 */
final class ConstEntries {
    private final Lowering lo;

    ConstEntries(Lowering lo) {
        this.lo = lo;
    }

    List<InitialEntry> of(TableLayout layout) throws Unsupported {
        var entries = layout.table().entries();
        if (entries.isEmpty()) {
            return List.of();
        }
        boolean ranked = layout.kind() == TableLayout.Kind.TERNARY;
        boolean largestWins = layout.table().property("largest_priority_wins")
                .map(p -> !(p.value() instanceof Expr.BoolLit b) || b.value()).orElse(true);
        List<Table.Entry> list = entries.get().entries();
        long[] precedence = new long[list.size()];
        var out = new ArrayList<InitialEntry>();
        for (int i = 0; i < list.size(); i++) {
            Table.Entry e = list.get(i);
            precedence[i] = precedence(e, i, largestWins);
            out.add(new InitialEntry(key(layout, e), e.action().action(), args(e), null));
        }
        if (!ranked) {
            return out;
        }
        var distinct = new TreeSet<Long>();
        for (long p : precedence) {
            distinct.add(p);
        }
        var rank = new ArrayList<>(distinct);
        var ranked2 = new ArrayList<InitialEntry>();
        for (int i = 0; i < out.size(); i++) {
            InitialEntry e = out.get(i);
            ranked2.add(new InitialEntry(e.key(), e.action(), e.args(), rank.indexOf(precedence[i]) + 1));
        }
        return ranked2;
    }

    private long precedence(Table.Entry e, int index, boolean largestWins) throws Unsupported {
        if (e.priority().isPresent()) {
            long p = constant(e.priority().get(), 64).longValue();
            return largestWins ? p : -p;
        }
        var legacy = dev.p4ebpf.ir.Annotation.find(e.annotations(), "priority");
        if (legacy.isPresent()) {
            try {
                return -Long.parseLong(legacy.get().text().strip());
            } catch (NumberFormatException x) {
                throw new Unsupported("@priority(" + legacy.get().text() + ")", "write the priority as a decimal number, e.g. @priority(10)", e.span());
            }
        }
        return -(index + 1L);
    }

    private Map<String, String> key(TableLayout layout, Table.Entry e) throws Unsupported {
        List<KeySet> sets = e.keys() instanceof KeySet.Tuple t ? t.elements() : List.of(e.keys());
        if (sets.size() != layout.keys().size()) {
            throw new Unsupported("this entry", "it has " + sets.size() + " keysets for " + layout.keys().size()
                    + " keys; give one keyset per key", e.span());
        }
        var out = new LinkedHashMap<String, String>();
        for (int i = 0; i < sets.size(); i++) {
            KeyField k = layout.keys().get(i);
            out.put(k.controlPlaneName(), text(sets.get(i), k, e.span()));
        }
        return out;
    }

    private String text(KeySet ks, KeyField k, Span at) throws Unsupported {
        int w = k.bitWidth();
        return switch (k.match()) {
            case EXACT -> switch (ks) {
                case KeySet.Value v -> hex(constant(v.value(), w));
                case KeySet.Mask m when constant(m.mask(), w).equals(ones(w)) -> hex(constant(m.value(), w));
                default -> throw keyset(ks, k, "an exact key matches one value");
            };
            case LPM -> switch (ks) {
                case KeySet.Value v -> hex(constant(v.value(), w)) + "/" + w;
                case KeySet.Default d -> "0x0/0";
                case KeySet.Mask m -> {
                    BigInteger mask = constant(m.mask(), w);
                    int len = mask.bitCount();
                    if (!mask.equals(ones(w).xor(ones(w - len)))) {
                        throw keyset(ks, k, "the mask of an lpm key must be a prefix");
                    }
                    yield hex(constant(m.value(), w).and(mask)) + "/" + len;
                }
                default -> throw keyset(ks, k, "an lpm key matches a prefix");
            };
            case TERNARY -> switch (ks) {
                case KeySet.Value v -> hex(constant(v.value(), w));
                case KeySet.Default d -> "*";
                case KeySet.Mask m -> {
                    BigInteger mask = constant(m.mask(), w);
                    yield hex(constant(m.value(), w).and(mask)) + "&&&" + hex(mask);
                }
                default -> throw keyset(ks, k, "a ternary key matches a value and mask");
            };
            case RANGE -> switch (ks) {
                case KeySet.Value v -> hex(constant(v.value(), w));
                case KeySet.Default d -> "*";
                case KeySet.Range r -> hex(constant(r.lo(), w)) + ".." + hex(constant(r.hi(), w));
                default -> throw keyset(ks, k, "a range key matches a range");
            };
            case OPTIONAL -> switch (ks) {
                case KeySet.Value v -> hex(constant(v.value(), w));
                case KeySet.Default d -> "*";
                default -> throw keyset(ks, k, "an optional key matches one value or anything");
            };
        };
    }

    private static Unsupported keyset(KeySet ks, KeyField k, String reason) {
        return new Unsupported("this keyset for key " + k.name(), reason, ks.span());
    }

    private List<String> args(Table.Entry e) throws Unsupported {
        var out = new ArrayList<String>();
        for (Arg a : e.action().args()) {
            Param p = a.param();
            if (p.direction() != Direction.NONE) {
                continue;
            }
            int w = Scalars.width(p.type()).orElse(64);
            out.add(hex(constant(a.expr(), w)));
        }
        return out;
    }

    private static BigInteger ones(int w) {
        return BigInteger.ONE.shiftLeft(Math.max(w, 0)).subtract(BigInteger.ONE);
    }

    private static String hex(BigInteger v) {
        return "0x" + v.toString(16);
    }

    /** A compile-time constant as the unsigned number of its {@code width} bits. */
    BigInteger constant(Expr e, int width) throws Unsupported {
        BigInteger v = switch (e) {
            case Expr.IntLit i -> i.value();
            case Expr.BoolLit b -> b.value() ? BigInteger.ONE : BigInteger.ZERO;
            case Expr.ErrorLit er -> BigInteger.valueOf(lo.errorCode(er.member()));
            case Expr.EnumLit en -> switch (en.type()) {
                case Type.SerEnum se -> se.member(en.member()).orElseThrow().value();
                case Type.Enum t -> BigInteger.valueOf(t.members().indexOf(en.member()));
                default -> throw new Unsupported("enum value " + en.member(), "its type is not an enum; use a member of the key's enum type", e.span());
            };
            case Expr.Cast c -> constant(c.operand(), width);
            default -> throw new Unsupported("the value " + ExprPrinter.expr(e), "entries hold compile-time constants; write a literal or a constant",
                    e.span());
        };
        return v.and(ones(width));
    }
}
