package dev.p4ebpf.conformance.gen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Writes one table: distinct keys of every enabled match kind (at most one lpm key; lpm, ternary, range and
 * optional only on bit keys), its actions with their directional arguments bound, a default action,
 * a size, an implementation where ebpf_model.p4 allows one, and constant entries.
 */
final class TableGen {
    /** A key as declared: its expression, type and match kind. */
    private record Key(String expr, ScalarType type, String matchKind) {}

    private final Rand r;
    private final GeneratorOptions o;
    private final Scope scope;
    private final ExprGen ex;
    private final Keysets keysets;
    private final Names names;

    /** @param scope the scalars at the control's top level, where tables are declared */
    TableGen(Rand r, GeneratorOptions o, Scope scope, ExprGen ex, Names names) {
        this.r = r;
        this.o = o;
        this.scope = scope;
        this.ex = ex;
        this.keysets = new Keysets(r);
        this.names = names;
    }

    /** Writes a table choosing among {@code actions}; returns it, or nothing when no action can be bound. */
    TableInfo write(Code c, List<ActionInfo> actions, List<String> validity) {
        String name = names.next("t");
        List<Key> keys = keys(validity);
        var chosen = new ArrayList<ActionInfo>();
        var refs = new ArrayList<String>();
        for (ActionInfo a : r.sample(actions, r.between(1, Math.max(1, Math.min(3, actions.size()))))) {
            bind(a).ifPresent(args -> {
                chosen.add(a);
                refs.add(args);
            });
        }
        boolean noAction = chosen.isEmpty() || r.chance(0.5);
        c.open("table " + name);
        if (!keys.isEmpty()) {
            c.open("key =");
            keys.forEach(k -> c.line(k.expr() + ": " + k.matchKind()
                    + (k.expr().contains("(") || k.expr().contains("[") ? " @name(\"" + names.next("k") + "\")" : "") + ";"));
            c.close();
        }
        c.open("actions =");
        refs.forEach(a -> c.line(a + ";"));
        if (noAction) {
            c.line("NoAction;");
        }
        c.close();
        defaultAction(c, chosen, refs, noAction);
        properties(c, keys);
        if (o.has(Feature.CONST_ENTRIES) && !keys.isEmpty() && r.chance(0.35)) {
            entries(c, keys, chosen, noAction);
        }
        c.close().blank();
        var labels = new ArrayList<String>();
        chosen.forEach(a -> labels.add(a.name()));
        if (noAction) {
            labels.add("NoAction");
        }
        return new TableInfo(name, labels);
    }

    private List<Key> keys(List<String> validity) {
        int n = o.has(Feature.KEYLESS_TABLES) && r.chance(0.15) ? 0 : r.between(1, 3);
        var keys = new ArrayList<Key>();
        boolean lpm = false;
        List<Lval> fields = scope.all().stream().filter(v -> v.type().computable()).toList();
        for (int i = 0; i < n && !fields.isEmpty(); i++) {
            Lval v = r.pick(fields);
            String expr = v.text();
            ScalarType t = v.type();
            if (o.has(Feature.KEY_EXPRESSIONS) && r.chance(0.2)) {
                if (!validity.isEmpty() && r.chance(0.3)) {
                    expr = r.pick(validity) + ".isValid()";
                    t = ScalarType.BOOL;
                } else if (t.isNumeric() && t.width() >= 2) {
                    int lo = r.between(0, t.width() - 2);
                    int hi = r.between(lo, t.width() - 1);
                    expr = expr + "[" + hi + ":" + lo + "]";
                    t = ScalarType.bit(hi - lo + 1);
                }
            }
            String same = expr;
            if (keys.stream().anyMatch(k -> k.expr().equals(same))) {
                continue;
            }
            String kind = matchKind(t, lpm);
            lpm |= kind.equals("lpm");
            keys.add(new Key(expr, t, kind));
        }
        return keys;
    }

    private String matchKind(ScalarType t, boolean lpmTaken) {
        if (!t.isBit()) {
            return "exact";
        }
        return switch (r.weighted(5, o.has(Feature.LPM_KEYS) && !lpmTaken ? 3 : 0, on(Feature.TERNARY_KEYS, 3),
                on(Feature.RANGE_KEYS, 2), on(Feature.OPTIONAL_KEYS, 1))) {
            case 0 -> "exact";
            case 1 -> "lpm";
            case 2 -> "ternary";
            case 3 -> "range";
            default -> "optional";
        };
    }

    private int on(Feature f, int weight) {
        return o.has(f) ? weight : 0;
    }

    /** The action as listed: with its directional arguments, or empty when some cannot be bound. */
    private java.util.Optional<String> bind(ActionInfo a) {
        List<ActionInfo.Param> dir = a.directional();
        if (dir.isEmpty()) {
            return java.util.Optional.of(a.name());
        }
        var args = new ArrayList<String>();
        for (ActionInfo.Param p : dir) {
            if (p.direction().equals("in")) {
                args.add(ex.of(p.type(), 1));
            } else {
                List<Lval> ws = scope.writable(p.type());
                if (ws.isEmpty()) {
                    return java.util.Optional.empty();
                }
                args.add(r.pick(ws).text());
            }
        }
        return java.util.Optional.of(a.name() + "(" + String.join(", ", args) + ")");
    }

    private void defaultAction(Code c, List<ActionInfo> chosen, List<String> refs, boolean noAction) {
        if (r.chance(0.3)) {
            return;
        }
        String prefix = o.has(Feature.CONST_DEFAULT_ACTION) && r.chance(0.3) ? "const " : "";
        int k = noAction ? r.between(0, chosen.size()) : r.between(0, chosen.size() - 1);
        if (k == chosen.size()) {
            c.line(prefix + "default_action = NoAction();");
            return;
        }
        c.line(prefix + "default_action = " + call(chosen.get(k), refs.get(k)) + ";");
    }

    /** {@code ref} (the action as listed) completed with constant action data. */
    private String call(ActionInfo a, String ref) {
        var data = new ArrayList<String>();
        a.data().forEach(p -> data.add(keysets.value(p.type())));
        if (!ref.contains("(")) {
            return a.name() + "(" + String.join(", ", data) + ")";
        }
        if (data.isEmpty()) {
            return ref;
        }
        return ref.substring(0, ref.length() - 1) + ", " + String.join(", ", data) + ")";
    }

    private void properties(Code c, List<Key> keys) {
        boolean exactOnly = !keys.isEmpty() && keys.stream().allMatch(k -> k.matchKind().equals("exact"));
        if (o.has(Feature.TABLE_IMPLEMENTATIONS) && exactOnly && r.chance(0.3)) {
            boolean array = keys.size() == 1 && keys.getFirst().type().isBit() && keys.getFirst().type().width() <= 32 && r.chance(0.5);
            c.line("implementation = " + (array ? "array_table" : "hash_table") + "(" + r.between(1, 256) + ");");
        } else if (r.chance(0.5)) {
            c.line("size = " + r.between(1, 1024) + ";");
        }
    }

    private void entries(Code c, List<Key> keys, List<ActionInfo> chosen, boolean noAction) {
        List<ActionInfo> plain = chosen.stream().filter(a -> a.directional().isEmpty()).toList();
        if (plain.isEmpty() && !noAction) {
            return;
        }
        c.open("const entries =");
        var seen = new HashSet<String>();
        for (int i = r.between(1, 4); i > 0; i--) {
            var sets = new ArrayList<String>();
            keys.forEach(k -> sets.add(entryKeyset(k)));
            String ks = keys.size() == 1 ? sets.getFirst() : "(" + String.join(", ", sets) + ")";
            if (!seen.add(ks)) {
                continue;
            }
            int a = r.between(0, plain.size() - (noAction ? 0 : 1));
            c.line(ks + ": " + (a == plain.size() ? "NoAction()" : call(plain.get(a), plain.get(a).name())) + ";");
        }
        c.close();
    }

    private String entryKeyset(Key k) {
        return switch (k.matchKind()) {
            case "lpm" -> r.chance(0.8) ? keysets.prefix(k.type()) : keysets.value(k.type());
            case "ternary" -> r.weighted(4, 2, 1) == 0 ? keysets.mask(k.type()) : r.chance(0.7) ? keysets.value(k.type()) : "_";
            case "range" -> r.weighted(4, 1, 1) == 0 ? keysets.range(k.type()) : r.chance(0.5) ? keysets.value(k.type()) : "_";
            case "optional" -> r.chance(0.7) ? keysets.value(k.type()) : "_";
            default -> keysets.value(k.type());
        };
    }
}
