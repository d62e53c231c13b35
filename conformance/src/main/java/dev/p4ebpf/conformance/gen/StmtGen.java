package dev.p4ebpf.conformance.gen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Writes the statements of control bodies (apply blocks and actions): assignments (also to slices),
 * local variables, if/else, switch on values and on {@code action_run}, table applies with
 * {@code hit}/{@code miss}, validity changes, header copies, stack shifts, counters, action calls,
 * and {@code exit}/{@code return} as the last statement of a nested block.
 */
final class StmtGen {
    private final Rand r;
    private final GeneratorOptions o;
    private final Scope scope;
    private final ExprGen ex;
    private final BodyEnv env;
    private final Names names;

    StmtGen(Rand r, GeneratorOptions o, Scope scope, ExprGen ex, BodyEnv env, Names names) {
        this.r = r;
        this.o = o;
        this.scope = scope;
        this.ex = ex;
        this.env = env;
        this.names = names;
    }

    /** Writes the statements of one block (its braces are the caller's). */
    void block(Code c, int nesting) {
        int n = r.between(nesting == 0 ? 1 : 0, o.maxStatements());
        for (int i = 0; i < n; i++) {
            statement(c, nesting);
        }
        if (nesting > 0 && r.chance(0.1)) {
            if (o.has(Feature.EXIT) && r.chance(0.5)) {
                c.line("exit;");
            } else if (o.has(Feature.RETURN)) {
                c.line("return;");
            }
        }
    }

    private void nested(Code c, String head, int nesting) {
        c.open(head);
        scope.push();
        block(c, nesting + 1);
        scope.pop();
        c.close();
    }

    private int on(Feature f, int weight) {
        return o.has(f) ? weight : 0;
    }

    private void statement(Code c, int nesting) {
        boolean deeper = nesting < o.maxNesting();
        boolean tables = !env.inAction() && !env.unapplied().isEmpty();
        switch (r.weighted(8, 2, deeper ? 3 : 0, tables ? 3 : 0, tables && deeper ? on(Feature.HIT_MISS, 2) : 0,
                tables && deeper ? on(Feature.ACTION_RUN_SWITCH, 2) : 0, deeper ? on(Feature.VALUE_SWITCH, 1) : 0,
                on(Feature.SET_VALIDITY, 2), on(Feature.HEADER_COPY, env.copyPairs().isEmpty() ? 0 : 1),
                on(Feature.STACK_SHIFTS, env.stacks().isEmpty() ? 0 : 1), on(Feature.COUNTERS, env.counters().isEmpty() ? 0 : 2),
                env.inAction() || env.actions().isEmpty() ? 0 : on(Feature.DIRECT_ACTION_CALLS, 2),
                on(Feature.SLICE_ASSIGNMENTS, 1), env.xdp() ? 1 : 0)) {
            case 0 -> assign(c);
            case 1 -> declare(c);
            case 2 -> ifElse(c, "if (" + ex.bool(r.between(1, o.maxExprDepth())) + ")", nesting);
            case 3 -> c.line(take().name() + ".apply();");
            case 4 -> ifElse(c, "if (" + hitOrMiss(take().name()) + ")", nesting);
            case 5 -> actionRunSwitch(c, take(), nesting);
            case 6 -> valueSwitch(c, nesting);
            case 7 -> validity(c);
            case 8 -> {
                String[] p = r.pick(env.copyPairs());
                c.line(p[0] + " = " + p[1] + ";");
            }
            case 9 -> {
                BodyEnv.Sized s = r.pick(env.stacks());
                c.line(s.name() + (r.chance(0.5) ? ".push_front(" : ".pop_front(") + r.between(1, s.size()) + ");");
            }
            case 10 -> counter(c);
            case 11 -> call(c, r.pick(env.actions()));
            case 12 -> sliceAssign(c);
            default -> c.line(BodyEnv.XDP_OUT + ".output_action = xdp_action."
                    + BodyEnv.XDP_ACTIONS.get(r.weighted(6, 2, 2, 1, 1)) + ";");
        }
    }

    private TableInfo take() {
        return env.unapplied().remove(r.between(0, env.unapplied().size() - 1));
    }

    private String hitOrMiss(String table) {
        return switch (r.between(0, 2)) {
            case 0 -> table + ".apply().hit";
            case 1 -> "!" + table + ".apply().hit";
            default -> table + ".apply().miss";
        };
    }

    private void assign(Code c) {
        List<Lval> ws = scope.writable();
        if (ws.isEmpty()) {
            declare(c);
            return;
        }
        Lval v = r.pick(ws);
        c.line(v.text() + " = " + ex.of(v.type()) + ";");
    }

    private void sliceAssign(Code c) {
        List<Lval> ws = scope.writable().stream().filter(v -> v.type().isNumeric() && v.type().width() >= 2).toList();
        if (ws.isEmpty()) {
            assign(c);
            return;
        }
        Lval v = r.pick(ws);
        int lo = r.between(0, v.type().width() - 1);
        int hi = r.between(lo, v.type().width() - 1);
        c.line(v.text() + "[" + hi + ":" + lo + "] = " + ex.of(ScalarType.bit(hi - lo + 1)) + ";");
    }

    private void declare(Code c) {
        ScalarType t = ex.anyType();
        String name = names.next("v");
        c.line(t.p4() + " " + name + " = " + ex.of(t) + ";");
        scope.add(new Lval(name, t, true));
    }

    private void ifElse(Code c, String head, int nesting) {
        nested(c, head, nesting);
        if (r.chance(0.4)) {
            nested(c, "else", nesting);
        }
    }

    private void actionRunSwitch(Code c, TableInfo t, int nesting) {
        c.open("switch (" + t.name() + ".apply().action_run)");
        List<String> labels = r.sample(t.actions(), r.between(1, t.actions().size()));
        boolean withDefault = r.chance(0.4);
        for (int i = 0; i < labels.size(); i++) {
            boolean last = i == labels.size() - 1 && !withDefault;
            if (!last && r.chance(0.2)) {
                c.line(labels.get(i) + ":");
            } else {
                nested(c, labels.get(i) + ":", nesting);
            }
        }
        if (withDefault) {
            nested(c, "default:", nesting);
        }
        c.close();
    }

    private void valueSwitch(Code c, int nesting) {
        ScalarType t = ScalarType.bit(r.width(64));
        List<ScalarType> bits = scope.types().stream().filter(ScalarType::isBit).toList();
        if (!bits.isEmpty() && r.chance(0.7)) {
            t = r.pick(bits);
        }
        c.open("switch (" + ex.of(t) + ")");
        var seen = new HashSet<String>();
        int n = r.between(1, 4);
        boolean withDefault = r.chance(0.5);
        for (int i = 0; i < n; i++) {
            String label = ExprGen.literal(t, r.value(t.width()));
            if (!seen.add(label)) {
                continue;
            }
            boolean last = i == n - 1 && !withDefault;
            if (!last && r.chance(0.2)) {
                c.line(label + ":");
            } else {
                nested(c, label + ":", nesting);
            }
        }
        if (withDefault) {
            nested(c, "default:", nesting);
        }
        c.close();
    }

    private void validity(Code c) {
        boolean valid = r.chance(0.5);
        List<String> hs = valid ? env.validatable() : env.invalidatable();
        if (hs.isEmpty()) {
            assign(c);
            return;
        }
        c.line(r.pick(hs) + (valid ? ".setValid();" : ".setInvalid();"));
    }

    private void counter(Code c) {
        BodyEnv.Sized k = r.pick(env.counters());
        String index = r.chance(0.7) ? "32w" + r.between(0, k.size() - 1) : ex.of(ScalarType.bit(32));
        if (r.chance(0.5)) {
            c.line(k.name() + ".increment(" + index + ");");
        } else {
            c.line(k.name() + ".add(" + index + ", " + ex.of(ScalarType.bit(32)) + ");");
        }
    }

    /** A direct call: values for in parameters and action data, writable scalars for inout and out. */
    private void call(Code c, ActionInfo a) {
        var args = new ArrayList<String>();
        for (ActionInfo.Param p : a.params()) {
            if (p.direction().equals("inout") || p.direction().equals("out")) {
                List<Lval> ws = scope.writable(p.type());
                if (ws.isEmpty()) {
                    return;
                }
                args.add(r.pick(ws).text());
            } else {
                args.add(ex.of(p.type()));
            }
        }
        c.line(a.name() + "(" + String.join(", ", args) + ");");
    }
}
