package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.pass.Decls;
import dev.p4ebpf.ir.pass.FreshNames;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the arguments a table binds to its actions' directed parameters ({@code actions = {
 * a(hdr.x); }}) part of the action: each such table action gets a copy whose body takes its
 * arguments with copy-in/copy-out (see {@link CallableInliner}) and whose parameters are only the
 * action data the control plane supplies. Afterwards every action a table lists has directionless
 * parameters only, read from the table entry. The copy keeps the original's control-plane name;
 * default actions, entries and {@code action_run} labels of the table follow it.
 */
public final class BindTableActionArguments implements Pass {
    @Override
    public String name() {
        return "bind-table-action-arguments";
    }

    @Override
    public String summary() {
        return "copy table actions with bound arguments so that only action data remain as parameters";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var names = FreshNames.of(program);
        var globals = new HashMap<String, Decl.ActionDecl>();
        program.all(Decl.ActionDecl.class).forEach(a -> globals.put(a.name(), a));
        var out = new ArrayList<Decl>();
        for (Decl d : program.decls()) {
            out.add(d instanceof Decl.ControlDecl c && !Decls.isBundled(d) && c.typeParams().isEmpty()
                    ? control(c, globals, names) : d);
        }
        return new Program(out);
    }

    private static Decl.ControlDecl control(Decl.ControlDecl c, Map<String, Decl.ActionDecl> globals, FreshNames names) {
        if (c.locals().stream().noneMatch(d -> d instanceof Decl.TableDecl t
                && t.actions().stream().anyMatch(r -> !r.boundArgs().isEmpty()))) {
            return c;
        }
        var localActions = new HashMap<String, Decl.ActionDecl>();
        var locals = new ArrayList<Decl>();
        var retargets = new HashMap<String, Map<String, String>>();
        for (Decl d : c.locals()) {
            if (d instanceof Decl.ActionDecl a) {
                localActions.put(a.name(), a);
            }
            if (!(d instanceof Decl.TableDecl t)) {
                locals.add(d);
                continue;
            }
            var renamed = new HashMap<String, String>();
            var refs = new ArrayList<Table.ActionRef>();
            for (Table.ActionRef r : t.actions()) {
                if (r.boundArgs().isEmpty()) {
                    refs.add(r);
                    continue;
                }
                Decl.ActionDecl a = r.global() ? globals.get(r.action()) : localActions.get(r.action());
                Decl.ActionDecl copy = bound(a, r, names);
                locals.add(copy);
                renamed.put(r.action(), copy.name());
                refs.add(new Table.ActionRef(copy.name(), false, List.of(), r.controlPlaneParams(), r.annotations(),
                        r.span()));
            }
            retargets.put(t.name(), renamed);
            var table = new Decl.TableDecl(t.name(), t.keys(), refs, t.defaultAction(), t.entries(), t.properties(),
                    t.annotations(), t.span());
            locals.add(new Retarget(renamed, true).table(table));
        }
        Stmt.Block body = new LabelRetarget(retargets).block(c.body());
        return ActionSignatures.sync(new Decl.ControlDecl(c.name(), c.typeParams(), c.applyParams(), c.ctorParams(),
                locals, body, c.annotations(), c.span()), globals);
    }

    /** A copy of {@code a} whose directed parameters are bound to the arguments {@code r} gives them. */
    private static Decl.ActionDecl bound(Decl.ActionDecl a, Table.ActionRef r, FreshNames names) {
        var directed = new ArrayList<Param>();
        var data = new ArrayList<Param>();
        for (Param p : a.params()) {
            (p.direction() == Direction.NONE ? data : directed).add(p);
        }
        var callee = new CallableInliner.Callee(directed, Type.VOID, a.body(), true);
        var kept = new HashMap<String, Expr>();
        for (Param p : data) {
            kept.put(p.name(), new Expr.Var(p.name(), p.type(), Expr.Frame.CALLABLE, p.span()));
        }
        Stmt.Block body = CallableInliner.inline(callee, r.boundArgs(), java.util.Optional.empty(), Expr.Frame.CALLABLE,
                names, a.span(), kept);
        String cp = ControlPlaneNames.of(a.annotations()).orElse(r.global() ? "." + a.name() : a.name());
        return new Decl.ActionDecl(names.fresh(a.name()), data, body, ControlPlaneNames.with(a.annotations(), cp),
                a.span());
    }

    /** Points action calls of one table (its default action and entries) at the copies. */
    private static final class Retarget extends IrRewriter {
        private final Map<String, String> renamed;
        private final boolean dropDirected;

        Retarget(Map<String, String> renamed, boolean dropDirected) {
            this.renamed = renamed;
            this.dropDirected = dropDirected;
        }

        @Override
        public Expr call(Call c) {
            Expr r = super.call(c);
            if (r instanceof Call.ActionCall a && renamed.containsKey(a.action())) {
                List<Arg> args = dropDirected ? a.args().stream().filter(x -> x.param().direction() == Direction.NONE)
                        .toList() : a.args();
                return new Call.ActionCall(renamed.get(a.action()), false, args, a.span());
            }
            return r;
        }
    }

    /** Points the {@code action_run} labels and types of each table's switches at the copies. */
    private static final class LabelRetarget extends IrRewriter {
        private final Map<String, Map<String, String>> byTable;

        LabelRetarget(Map<String, Map<String, String>> byTable) {
            this.byTable = byTable;
        }

        @Override
        public Type type(Type t) {
            if (t instanceof Type.ActionEnum ae && byTable.containsKey(ae.table())) {
                Map<String, String> m = byTable.get(ae.table());
                return new Type.ActionEnum(ae.table(), ae.actions().stream().map(x -> m.getOrDefault(x, x)).toList());
            }
            return t;
        }

        @Override
        public List<Stmt> stmt(Stmt s) {
            if (s instanceof Stmt.Switch sw && Exprs.appliedTable(sw.subject()).isPresent()) {
                Map<String, String> m = byTable.getOrDefault(Exprs.appliedTable(sw.subject()).get().table(), Map.of());
                var cases = new ArrayList<Stmt.Case>();
                for (Stmt.Case k : sw.cases()) {
                    Stmt.Case r = switchCase(k);
                    cases.add(r.label() instanceof Stmt.ActionLabel l && m.containsKey(l.action())
                            ? new Stmt.Case(new Stmt.ActionLabel(m.get(l.action()), l.span()), r.body(), r.span()) : r);
                }
                return List.of(new Stmt.Switch(expr(sw.subject()), cases, sw.span()));
            }
            return super.stmt(s);
        }
    }
}
