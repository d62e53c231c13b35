package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.controlplane.ActionParam;
import dev.p4ebpf.ebpf.controlplane.Endian;
import dev.p4ebpf.ebpf.controlplane.KeyField;
import dev.p4ebpf.ebpf.controlplane.MatchKind;
import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.print.ExprPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a table is laid out in BPF maps (the contract of dev.p4ebpf.ebpf.controlplane): key fields
 * big-endian and byte-aligned, one after another (after a u32 prefix length for an LPM trie, or as
 * a little-endian u32 index for an array table); values as a u32 action id followed by the action's
 * parameters, big-endian, sharing one region for all actions.
 */
record TableLayout(Decl.TableDecl table, Kind kind, List<KeyField> keys, int keySize, List<ActionSlot> actions,
                   int valueSize, int maxEntries) {

    enum Kind { HASH, ARRAY, LPM, TERNARY, KEYLESS }

    /** How many distinct masks a ternary table's tuple-space search tries, unless the compiler is told otherwise. */
    static final int DEFAULT_MAX_MASKS = 16;

    /** Where an action's parameters are in the value; {@code id} is what the value's action id holds. */
    record ActionSlot(Table.ActionRef ref, Decl.ActionDecl decl, int id, List<ActionParam> params) {}

    static final int ACTION_ID_OFFSET = 0;
    /** Ternary tables keep each entry's priority after the action id. */
    static final int PRIORITY_OFFSET = 4;

    int paramsOffset() {
        return kind == Kind.TERNARY ? 8 : 4;
    }

    static Optional<TableLayout> of(Decl.TableDecl t, List<Decl.ActionDecl> actions, String controlName)
            throws Unsupported {
        Kind kind = Kind.HASH;
        long lpm = t.keys().stream().filter(k -> k.matchKind().equals("lpm")).count();
        boolean masked = false;
        for (Table.Key k : t.keys()) {
            switch (k.matchKind()) {
                case "exact" -> { }
                case "lpm" -> kind = Kind.LPM;
                case "ternary", "range", "optional" -> masked = true;
                default -> throw new Unsupported("table " + t.name() + " with a " + k.matchKind() + " key",
                        "the eBPF backend compiles exact, lpm, ternary, range and optional keys; use one of those", k.span());
            }
        }
        if (masked || lpm > 1 || lpm == 1 && !t.keys().getLast().matchKind().equals("lpm")) {
            // several prefixes, or a prefix with masks: tuple-space search over all masks
            kind = Kind.TERNARY;
        }
        if (t.keys().isEmpty()) {
            kind = Kind.KEYLESS;
        }
        boolean arrayTable = !t.keys().isEmpty() && t.property("implementation")
                .filter(p -> p.value() instanceof dev.p4ebpf.ir.Call.ConstructorCall c
                        && c.type() instanceof dev.p4ebpf.ir.Type.Extern e && e.name().equals("array_table"))
                .isPresent();
        var keys = new ArrayList<KeyField>();
        int offset = kind == Kind.LPM ? 4 : 0;
        for (Table.Key k : t.keys()) {
            int w = Exprs.width(k.expr());
            int bytes = (w + 7) / 8;
            String printed = ExprPrinter.expr(k.expr());
            MatchKind mk = switch (k.matchKind()) {
                case "lpm" -> MatchKind.LPM;
                case "ternary" -> MatchKind.TERNARY;
                case "range" -> MatchKind.RANGE;
                case "optional" -> MatchKind.OPTIONAL;
                default -> MatchKind.EXACT;
            };
            keys.add(new KeyField(printed, Annotation.nameOf(k.annotations()).orElse(printed), w, mk, offset, bytes,
                    Endian.BIG));
            offset += bytes;
        }
        int keySize = Math.max(offset, 1);
        if (arrayTable) {
            if (keys.size() != 1 || keys.getFirst().bitWidth() > 32) {
                throw new Unsupported("array_table " + t.name(), "an array table has one exact key of at most 32 bits; use such a key or a hash table"
                                + " (no implementation property)",
                        t.span());
            }
            kind = Kind.ARRAY;
            KeyField k = keys.getFirst();
            keys.set(0, new KeyField(k.name(), k.controlPlaneName(), k.bitWidth(), k.match(), 0, 4, Endian.LITTLE));
            keySize = 4;
        }
        var slots = new ArrayList<ActionSlot>();
        int firstParam = kind == Kind.TERNARY ? 8 : 4;
        int valueSize = firstParam;
        for (int i = 0; i < t.actions().size(); i++) {
            Table.ActionRef ref = t.actions().get(i);
            Decl.ActionDecl decl = actions.get(i);
            var params = new ArrayList<ActionParam>();
            int at = firstParam;
            for (Param p : ref.controlPlaneParams()) {
                int w = Scalars.width(p.type()).orElseThrow(() -> new Unsupported("action parameter " + p.name()
                        + " of type " + ExprPrinter.type(p.type()), "action data are integers, booleans and enums; declare the parameter as one",
                        ref.span()));
                int bytes = (w + 7) / 8;
                at = aligned(at, bytes);
                params.add(new ActionParam(p.name(), w, at, bytes, Endian.BIG));
                at += bytes;
            }
            valueSize = Math.max(valueSize, at);
            slots.add(new ActionSlot(ref, decl, i + 1, params));
        }
        int size = t.property("size").map(p -> p.value()).filter(dev.p4ebpf.ir.Expr.IntLit.class::isInstance)
                .map(v -> ((dev.p4ebpf.ir.Expr.IntLit) v).value().intValueExact()).orElse(1024);
        size = t.property("implementation").flatMap(TableLayout::implementationSize).orElse(size);
        if (kind != Kind.ARRAY) {
            // the program's own entries must fit beside what the control plane adds
            size = Math.max(size, t.entries().map(e -> e.entries().size()).orElse(0));
        }
        return Optional.of(new TableLayout(t, kind, keys, keySize, slots, (valueSize + 3) & ~3, Math.max(size, 1)));
    }

    /**
     * {@code at} rounded up so that a parameter of {@code bytes} bytes, read in pieces of 8, 4, 2
     * and 1 bytes from its start, has every piece naturally aligned: the verifier refuses
     * misaligned reads of the stack, where the program's default action builds its value.
     */
    static int aligned(int at, int bytes) {
        int a = bytes >= 8 ? 8 : bytes >= 4 ? 4 : bytes >= 2 ? 2 : 1;
        return (at + a - 1) & -a;
    }

    private static Optional<Integer> implementationSize(Table.Property p) {
        if (p.value() instanceof dev.p4ebpf.ir.Call.ConstructorCall c && !c.args().isEmpty()
                && c.args().getFirst().value().orElse(null) instanceof dev.p4ebpf.ir.Expr.IntLit n) {
            return Optional.of(n.value().intValueExact());
        }
        return Optional.empty();
    }

    ActionSlot slot(String action) {
        return actions.stream().filter(a -> a.ref().action().equals(action)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table " + table.name() + " has no action " + action));
    }
}
