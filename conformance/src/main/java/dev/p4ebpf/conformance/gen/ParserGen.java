package dev.p4ebpf.conformance.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the parser: a chain of states, each extracting some headers (stack elements in index
 * order) and transitioning to later states only, so every state is reachable and parsing always
 * ends. Transitions select on fields the state extracted, on locals or on lookahead, with value,
 * mask, range, value-set and default keysets; states verify conditions, look ahead and advance.
 */
final class ParserGen {
    static final String NAME = "Prs";
    static final String PACKET = "pkt";
    static final String ROOT = "hdr";
    /** The errors the program declares for verify. */
    static final List<String> ERRORS = List.of("GenError0", "GenError1", "GenError2");

    /** One extract: a header (or stack element) and its type. */
    private record Unit(String header, HeaderSlot slot) {}

    private final Rand r;
    private final GeneratorOptions o;
    private final Layout layout;
    private final List<Fn> fns;
    private final Keysets keysets;
    private final Names names;
    private final List<Lval> locals = new ArrayList<>();
    private final List<String> valueSets = new ArrayList<>();
    private final List<ScalarType> valueSetTypes = new ArrayList<>();

    ParserGen(Rand r, GeneratorOptions o, Layout layout, List<Fn> fns, Names names) {
        this.r = r;
        this.o = o;
        this.layout = layout;
        this.fns = fns;
        this.keysets = new Keysets(r);
        this.names = names;
    }

    /** Writes the parser; returns the header slots it extracts, in the order of their first extract. */
    List<HeaderSlot> write(Code c) {
        List<List<Unit>> states = plan();
        c.open("parser " + NAME + "(packet_in " + PACKET + ", out " + Layout.HEADERS + " " + ROOT + ")");
        declareLocals(c);
        for (int i = 0; i < states.size(); i++) {
            c.open("state " + stateName(i));
            state(c, states.get(i), i, states.size());
            c.close();
        }
        c.close().blank();
        var order = new java.util.LinkedHashSet<HeaderSlot>();
        states.forEach(st -> st.forEach(u -> order.add(u.slot())));
        return List.copyOf(order);
    }

    private static String stateName(int i) {
        return i == 0 ? "start" : "s" + i;
    }

    /** Which headers each state extracts; some headers are never extracted (the control may add them). */
    private List<List<Unit>> plan() {
        var units = new ArrayList<Unit>();
        for (HeaderSlot s : r.shuffled(layout.slots())) {
            if (layout.slots().size() > 1 && r.chance(0.15)) {
                continue;
            }
            List<String> hs = s.headers(ROOT);
            int n = s.isStack() ? r.between(1, hs.size()) : 1;
            hs.subList(0, n).forEach(h -> units.add(new Unit(h, s)));
        }
        int count = r.between(1, o.maxParserStates());
        var states = new ArrayList<List<Unit>>();
        for (int i = 0; i < count; i++) {
            states.add(new ArrayList<>());
        }
        int at = 0;
        for (Unit u : units) {
            states.get(at).add(u);
            if (at < count - 1 && r.chance(0.6)) {
                at++;
            }
        }
        return states;
    }

    private void declareLocals(Code c) {
        if (o.has(Feature.PARSER_LOCALS)) {
            for (int i = r.between(0, 2); i > 0; i--) {
                ScalarType t = r.chance(0.8) ? ScalarType.bit(r.width(64)) : ScalarType.sint(r.between(2, 64));
                if (t.isInt() && !o.has(Feature.SIGNED)) {
                    continue;
                }
                String name = names.next("pv");
                c.line(t.p4() + " " + name + " = " + keysets.value(t) + ";");
                locals.add(new Lval(name, t, true));
            }
        }
        if (o.has(Feature.VALUE_SETS) && r.chance(0.3)) {
            ScalarType t = ScalarType.bit(r.width(64));
            String name = names.next("pvs");
            c.line("value_set<" + t.p4() + ">(" + r.between(1, 8) + ") " + name + ";");
            valueSets.add(name);
            valueSetTypes.add(t);
        }
    }

    private void state(Code c, List<Unit> units, int index, int count) {
        var scope = Scope.of(locals);
        boolean wideWritable = o.arch() == GeneratorOptions.Arch.XDP;
        for (Lval f : layout.headerFields(ROOT, wideWritable)) {
            boolean here = units.stream().anyMatch(u -> f.text().startsWith(u.header() + "."));
            scope.add(new Lval(f.text(), f.type(), f.writable() && here));
        }
        var ex = new ExprGen(r, o, scope, layout.headers(ROOT), fns);
        for (Unit u : units) {
            c.line(PACKET + ".extract(" + u.header() + ");");
        }
        for (int k = r.between(0, Math.min(3, o.maxStatements())); k > 0; k--) {
            statement(c, scope, ex);
        }
        var keys = new ArrayList<Lval>();
        for (Unit u : units) {
            keys.addAll(scope.all().stream().filter(v -> v.text().startsWith(u.header() + ".") && v.type().isBit()).toList());
        }
        scope.all().stream().filter(v -> !v.text().contains(".") && v.type().isBit()).forEach(keys::add);
        transition(c, keys, index, count);
    }

    private void statement(Code c, Scope scope, ExprGen ex) {
        switch (r.weighted(4, on(Feature.PARSER_LOCALS, 2), on(Feature.LOOKAHEAD, 2), on(Feature.VERIFY, 2),
                on(Feature.ADVANCE, 1))) {
            case 0 -> {
                List<Lval> ws = scope.writable();
                if (!ws.isEmpty()) {
                    Lval v = r.pick(ws);
                    c.line(v.text() + " = " + ex.of(v.type()) + ";");
                }
            }
            case 1 -> {
                ScalarType t = ex.anyType();
                String name = names.next("lv");
                c.line(t.p4() + " " + name + " = " + ex.of(t) + ";");
                scope.add(new Lval(name, t, true));
            }
            case 2 -> {
                ScalarType t = ScalarType.bit(r.width(64));
                String name = names.next("la");
                c.line(t.p4() + " " + name + " = " + PACKET + ".lookahead<" + t.p4() + ">();");
                scope.add(new Lval(name, t, true));
            }
            case 3 -> c.line("verify(" + ex.bool(r.between(1, o.maxExprDepth())) + ", error." + r.pick(ERRORS) + ");");
            default -> c.line(PACKET + ".advance(32w" + 8 * r.between(0, 4) + ");");
        }
    }

    private int on(Feature f, int weight) {
        return o.has(f) ? weight : 0;
    }

    private void transition(Code c, List<Lval> keyCandidates, int index, int count) {
        var targets = new ArrayList<String>();
        for (int j = index + 1; j < count; j++) {
            targets.add(stateName(j));
        }
        String next = index + 1 < count ? stateName(index + 1) : "accept";
        targets.add("accept");
        targets.add("reject");
        var keys = new ArrayList<String>();
        var types = new ArrayList<ScalarType>();
        int n = o.has(Feature.SELECT_TUPLES) && r.chance(0.3) ? r.between(2, 3) : 1;
        for (int k = 0; k < n; k++) {
            if (o.has(Feature.LOOKAHEAD) && r.chance(0.15) || keyCandidates.isEmpty()) {
                if (!o.has(Feature.LOOKAHEAD)) {
                    break;
                }
                ScalarType t = ScalarType.bit(r.width(32));
                keys.add(PACKET + ".lookahead<" + t.p4() + ">()");
                types.add(t);
            } else {
                Lval v = r.pick(keyCandidates);
                keys.add(v.text());
                types.add(v.type());
            }
        }
        if (keys.isEmpty() || r.chance(0.2)) {
            c.line("transition " + (r.chance(0.9) ? next : r.pick(targets)) + ";");
            return;
        }
        c.open("transition select(" + String.join(", ", keys) + ")");
        cases(c, types, targets, next);
        c.close();
    }

    private void cases(Code c, List<ScalarType> types, List<String> targets, String next) {
        int m = r.between(1, 4);
        int nextAt = r.between(0, m - 1);
        boolean usedNext = false;
        var seen = new java.util.HashSet<String>();
        for (int k = 0; k < m; k++) {
            String ks = keyset(types);
            if (!seen.add(ks)) {
                continue;
            }
            String target = k == nextAt ? next : r.pick(targets);
            usedNext |= target.equals(next);
            c.line(ks + ": " + target + ";");
        }
        if (!usedNext || r.chance(0.6)) {
            c.line("default: " + (usedNext ? r.pick(targets) : next) + ";");
        }
    }

    private String keyset(List<ScalarType> types) {
        if (types.size() == 1) {
            ScalarType t = types.getFirst();
            int vs = valueSetTypes.indexOf(t);
            if (vs >= 0 && r.chance(0.5)) {
                return valueSets.get(vs);
            }
            return one(t, false);
        }
        var parts = new ArrayList<String>();
        types.forEach(t -> parts.add(one(t, true)));
        return "(" + String.join(", ", parts) + ")";
    }

    private String one(ScalarType t, boolean inTuple) {
        return switch (r.weighted(5, on(Feature.SELECT_MASKS, 2), on(Feature.SELECT_RANGES, 2), inTuple ? 1 : 0)) {
            case 0 -> keysets.value(t);
            case 1 -> keysets.mask(t);
            case 2 -> keysets.range(t);
            default -> "_";
        };
    }
}
