package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Removes {@code exit} from controls, which after inlining are the architecture's top-level
 * controls: each control that may exit gets a local flag ({@code bool exited = false;}, declared
 * before its actions so they can set it); an {@code exit} sets it, and what follows an exit — or a
 * table application that may run an exiting action — runs only while it is clear: the rest of the
 * apply block, the branches of {@code if (t.apply().hit)}, the cases of an {@code action_run}
 * switch, the rest of the exiting action. A top-level action that exits and that a table of the
 * control lists is copied into the control first, so that it can see the flag.
 */
public final class RemoveExits implements Pass {
    @Override
    public String name() {
        return "remove-exits";
    }

    @Override
    public String summary() {
        return "turn exit into a per-control flag and guards (structured control flow)";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var names = FreshNames.of(program);
        var globals = new HashMap<String, Decl.ActionDecl>();
        for (Decl.ActionDecl a : program.all(Decl.ActionDecl.class)) {
            globals.put(a.name(), a);
        }
        var out = new ArrayList<Decl>();
        for (Decl d : program.decls()) {
            out.add(d instanceof Decl.ControlDecl c && !Decls.isBundled(d) && c.typeParams().isEmpty()
                    ? control(c, globals, names) : d);
        }
        return new Program(out);
    }

    private static Decl.ControlDecl control(Decl.ControlDecl c0, Map<String, Decl.ActionDecl> globals,
                                            FreshNames names) {
        Decl.ControlDecl c = localizeExitingGlobals(c0, globals, names);
        Set<String> tables = Exits.exitingTables(c);
        var spec = new ExitSpec(tables);
        boolean bodyExits = Terminations.needed(c.body().statements(), spec);
        boolean actionsExit = c.locals().stream().anyMatch(d -> d instanceof Decl.ActionDecl a && Exits.exits(a.body()));
        if (!bodyExits && !actionsExit) {
            return c;
        }
        var flag = new Expr.Var(names.fresh("exited"), Type.BOOL, Expr.Frame.CONTAINER, c.span());
        var locals = new ArrayList<Decl>();
        locals.add(new Decl.VarDecl(flag.name(), Type.BOOL, Optional.of(Exprs.bool(false)), List.of(), c.span()));
        for (Decl d : c.locals()) {
            if (d instanceof Decl.ActionDecl a && Exits.exits(a.body())) {
                locals.add(new Decl.ActionDecl(a.name(), a.params(), Stmt.Block.of(
                        Terminations.eliminate(a.body().statements(), ExitSpec.DIRECT, flag), a.body().span()),
                        a.annotations(), a.span()));
            } else {
                locals.add(d);
            }
        }
        Stmt.Block body = new Stmt.Block(Terminations.eliminate(c.body().statements(), spec, flag),
                c.body().annotations(), c.body().span());
        return new Decl.ControlDecl(c.name(), c.typeParams(), c.applyParams(), c.ctorParams(), locals, body,
                c.annotations(), c.span());
    }

    /** Copies the exiting top-level actions that tables of {@code c} list into {@code c}, and points the tables at them. */
    private static Decl.ControlDecl localizeExitingGlobals(Decl.ControlDecl c, Map<String, Decl.ActionDecl> globals,
                                                           FreshNames names) {
        var copies = new HashMap<String, String>();
        for (Decl d : c.locals()) {
            if (d instanceof Decl.TableDecl t) {
                for (Table.ActionRef r : t.actions()) {
                    Decl.ActionDecl g = r.global() ? globals.get(r.action()) : null;
                    if (g != null && Exits.exits(g.body()) && !copies.containsKey(r.action())) {
                        copies.put(r.action(), names.fresh(r.action()));
                    }
                }
            }
        }
        if (copies.isEmpty()) {
            return c;
        }
        var locals = new ArrayList<Decl>();
        for (Map.Entry<String, String> e : copies.entrySet()) {
            Decl.ActionDecl g = globals.get(e.getKey());
            String cp = ControlPlaneNames.of(g.annotations()).orElse("." + g.name());
            locals.add(new Decl.ActionDecl(e.getValue(), g.params(), g.body(),
                    ControlPlaneNames.with(g.annotations(), ControlPlaneNames.isAbsolute(cp) ? cp : "." + cp), g.span()));
        }
        var retarget = new IrRewriter() {
            @Override
            public Table.ActionRef actionRef(Table.ActionRef a) {
                return a.global() && copies.containsKey(a.action())
                        ? new Table.ActionRef(copies.get(a.action()), false, a.boundArgs(), a.controlPlaneParams(),
                                a.annotations(), a.span())
                        : a;
            }

            @Override
            public Expr call(Call call) {
                Expr r = super.call(call);
                return r instanceof Call.ActionCall a && a.global() && copies.containsKey(a.action())
                        ? new Call.ActionCall(copies.get(a.action()), false, a.args(), a.span()) : r;
            }

            @Override
            public Type type(Type t) {
                return t instanceof Type.ActionEnum ae
                        ? new Type.ActionEnum(ae.table(), ae.actions().stream().map(x -> copies.getOrDefault(x, x)).toList())
                        : t;
            }

            @Override
            public Stmt.Case switchCase(Stmt.Case k) {
                Stmt.Case r = super.switchCase(k);
                return r.label() instanceof Stmt.ActionLabel l && copies.containsKey(l.action())
                        ? new Stmt.Case(new Stmt.ActionLabel(copies.get(l.action()), l.span()), r.body(), r.span()) : r;
            }
        };
        for (Decl d : c.locals()) {
            locals.addAll(retarget.decl(d));
            if (d instanceof Decl.TableDecl t) {
            }
        }
        return new Decl.ControlDecl(c.name(), c.typeParams(), c.applyParams(), c.ctorParams(), locals,
                retarget.block(c.body()), c.annotations(), c.span());
    }
}
