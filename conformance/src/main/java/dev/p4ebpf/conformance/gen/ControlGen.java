package dev.p4ebpf.conformance.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the control of the architecture (xdp's switch or ebpfFilter's filter): local variables
 * (the metadata structure among them), counters, actions, tables and the apply block, which first
 * gives every output and the metadata a value and then runs random statements.
 */
final class ControlGen {
    static final String XDP_NAME = "Pipe";
    static final String FILTER_NAME = "Filt";
    private static final List<String> DIRECTIONS = List.of("in", "inout", "out");

    private final Rand r;
    private final GeneratorOptions o;
    private final Layout layout;
    private final List<Fn> fns;
    private final Names names;
    private final boolean xdp;
    private final Keysets keysets;

    ControlGen(Rand r, GeneratorOptions o, Layout layout, List<Fn> fns, Names names) {
        this.r = r;
        this.o = o;
        this.layout = layout;
        this.fns = fns;
        this.names = names;
        this.xdp = o.arch() == GeneratorOptions.Arch.XDP;
        this.keysets = new Keysets(r);
    }

    String name() {
        return xdp ? XDP_NAME : FILTER_NAME;
    }

    void write(Code c) {
        String root = ParserGen.ROOT;
        c.open("control " + name() + "(inout " + Layout.HEADERS + " " + root + (xdp
                ? ", in xdp_input " + BodyEnv.XDP_IN + ", out xdp_output " + BodyEnv.XDP_OUT + ")"
                : ", out bool " + BodyEnv.FILTER_OUT + ")"));
        var top = new Scope();
        layout.headerFields(root, xdp).forEach(top::add);
        layout.metaFields().forEach(top::add);
        if (xdp) {
            top.add(new Lval(BodyEnv.XDP_IN + ".input_port", ScalarType.bit(32), false));
            top.add(new Lval(BodyEnv.XDP_OUT + ".output_port", ScalarType.bit(32), true));
        } else {
            top.add(new Lval(BodyEnv.FILTER_OUT, ScalarType.BOOL, true));
        }
        c.line(Layout.META + " " + Layout.META_VAR + ";");
        for (int i = r.between(0, 2); i > 0; i--) {
            ScalarType t = ScalarType.bit(r.width(64));
            String v = names.next("cv");
            c.line(t.p4() + " " + v + " = " + keysets.value(t) + ";");
            top.add(new Lval(v, t, true));
        }
        var counters = new ArrayList<BodyEnv.Sized>();
        if (o.has(Feature.COUNTERS)) {
            for (int i = r.between(0, 2); i > 0; i--) {
                var k = new BodyEnv.Sized(names.next("ctr"), r.between(1, 64));
                c.line("CounterArray(32w" + k.size() + ", " + r.chance(0.3) + ") " + k.name() + ";");
                counters.add(k);
            }
        }
        c.blank();
        BodyEnv env = env(root, counters);
        var actions = new ArrayList<ActionInfo>();
        for (int i = r.between(1, o.maxActions()); i > 0; i--) {
            actions.add(action(c, top, env.forAction()));
        }
        var validity = layout.headers(root);
        var tables = new ArrayList<TableInfo>();
        var tableGen = new TableGen(r, o, top, new ExprGen(r, o, top, validity, fns), names);
        for (int i = r.between(0, o.maxTables()); i > 0; i--) {
            tables.add(tableGen.write(c, actions, validity));
        }
        apply(c, top, new BodyEnv(false, tables, actions, env.validatable(), env.invalidatable(), env.stacks(),
                env.copyPairs(), counters, xdp));
        c.close().blank();
    }

    private BodyEnv env(String root, List<BodyEnv.Sized> counters) {
        var validatable = new ArrayList<String>();
        var invalidatable = new ArrayList<String>();
        var stacks = new ArrayList<BodyEnv.Sized>();
        var copies = new ArrayList<String[]>();
        for (HeaderSlot s : layout.slots()) {
            if (!s.type().wide()) {
                validatable.addAll(s.headers(root));
            }
            if (!s.type().wide() || xdp) {
                invalidatable.addAll(s.headers(root));
            }
            if (s.isStack()) {
                stacks.add(new BodyEnv.Sized(s.path(root), s.stackSize()));
            }
            for (HeaderSlot t : layout.slots()) {
                if (s.type().equals(t.type()) && !s.type().wide()) {
                    for (String a : s.headers(root)) {
                        t.headers(root).stream().filter(b -> !a.equals(b)).forEach(b -> copies.add(new String[] {a, b}));
                    }
                }
            }
        }
        return new BodyEnv(false, new ArrayList<>(), List.of(), validatable, invalidatable, stacks, copies, counters, xdp);
    }

    private ActionInfo action(Code c, Scope top, BodyEnv env) {
        String name = names.next("a");
        var params = new ArrayList<ActionInfo.Param>();
        var ex = new ExprGen(r, o, top, layout.headers(ParserGen.ROOT), fns);
        if (o.has(Feature.DIRECTIONAL_PARAMS)) {
            for (int i = r.between(0, 2); i > 0; i--) {
                String dir = r.pick(DIRECTIONS);
                List<Lval> ws = top.writable();
                ScalarType t = dir.equals("in") || ws.isEmpty() ? ex.anyType() : r.pick(ws).type();
                params.add(new ActionInfo.Param(dir, t, names.next("d")));
            }
        }
        for (int i = r.between(0, 3); i > 0; i--) {
            ScalarType t = r.chance(0.1) ? ScalarType.BOOL
                    : o.has(Feature.SIGNED) && r.chance(0.15) ? ScalarType.sint(r.between(2, 64)) : ScalarType.bit(r.width(64));
            params.add(new ActionInfo.Param("", t, names.next("p")));
        }
        var a = new ActionInfo(name, params);
        c.open("action " + name + "(" + String.join(", ", params.stream().map(ActionInfo.Param::p4).toList()) + ")");
        var scope = Scope.of(top.all());
        var body = new ExprGen(r, o, scope, layout.headers(ParserGen.ROOT), fns);
        for (ActionInfo.Param p : params) {
            if (p.direction().equals("out")) {
                c.line(p.name() + " = " + body.of(p.type()) + ";");
            }
            scope.add(new Lval(p.name(), p.type(), p.direction().equals("inout") || p.direction().equals("out")));
        }
        new StmtGen(r, o, scope, body, env, names).block(c, 0);
        c.close().blank();
        return a;
    }

    private void apply(Code c, Scope top, BodyEnv env) {
        c.open("apply");
        var scope = Scope.of(top.all());
        var ex = new ExprGen(r, o, scope, layout.headers(ParserGen.ROOT), fns);
        if (xdp) {
            c.line(BodyEnv.XDP_OUT + ".output_action = xdp_action.XDP_PASS;");
            c.line(BodyEnv.XDP_OUT + ".output_port = " + (r.chance(0.5) ? "32w0" : BodyEnv.XDP_IN + ".input_port") + ";");
        } else {
            c.line(BodyEnv.FILTER_OUT + " = " + (r.chance(0.8) ? "true" : "false") + ";");
        }
        initMeta(c);
        new StmtGen(r, o, scope, ex, env, names).block(c, 0);
        c.close();
    }

    /** Gives every metadata field a value: a structure initializer or one assignment per field. */
    private void initMeta(Code c) {
        if (o.has(Feature.STRUCT_INITIALIZERS) && r.chance(0.5)) {
            String inner = layout.inner().isEmpty() ? "" : ", " + Layout.INNER_MEMBER + " = " + initializer(layout.inner());
            String all = initializer(layout.meta());
            c.line(Layout.META_VAR + " = " + all.substring(0, all.length() - 2) + inner + " };");
            return;
        }
        for (Lval v : layout.metaFields()) {
            c.line(v.text() + " = " + keysets.value(v.type()) + ";");
        }
    }

    private String initializer(List<HeaderType.Field> fields) {
        var parts = new ArrayList<String>();
        fields.forEach(f -> parts.add(f.name() + " = " + keysets.value(f.type())));
        return "{ " + String.join(", ", parts) + " }";
    }
}
