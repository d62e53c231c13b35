package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.pass.IrRewriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the references to actions in step with the actions' parameters: a table's action list
 * carries the parameters it binds and those the control plane supplies, and every action call
 * (default action, entries) carries the parameters of its arguments. After a pass renamed or
 * retyped an action's parameters, this puts the current ones everywhere, by position.
 */
final class ActionSignatures {
    private ActionSignatures() {}

    /** The control with every reference to one of its local actions (and to {@code globals}) synchronized. */
    static Decl.ControlDecl sync(Decl.ControlDecl c, Map<String, Decl.ActionDecl> globals) {
        var locals = new HashMap<String, Decl.ActionDecl>();
        for (Decl d : c.locals()) {
            if (d instanceof Decl.ActionDecl a) {
                locals.put(a.name(), a);
            }
        }
        var s = new Syncer(locals, globals);
        var out = new ArrayList<Decl>();
        for (Decl d : c.locals()) {
            out.addAll(s.decl(d));
        }
        Stmt.Block body = s.block(c.body());
        return new Decl.ControlDecl(c.name(), c.typeParams(), c.applyParams(), c.ctorParams(), out, body,
                c.annotations(), c.span());
    }

    private static final class Syncer extends IrRewriter {
        private final Map<String, Decl.ActionDecl> locals;
        private final Map<String, Decl.ActionDecl> globals;

        Syncer(Map<String, Decl.ActionDecl> locals, Map<String, Decl.ActionDecl> globals) {
            this.locals = locals;
            this.globals = globals;
        }

        private Decl.ActionDecl find(String name, boolean global) {
            return global ? globals.get(name) : locals.get(name);
        }

        @Override
        public Table.ActionRef actionRef(Table.ActionRef r) {
            Decl.ActionDecl a = find(r.action(), r.global());
            if (a == null) {
                return r;
            }
            var bound = new ArrayList<Arg>();
            var cp = new ArrayList<Param>();
            int b = 0;
            for (Param p : a.params()) {
                if (p.direction() == Direction.NONE) {
                    cp.add(p);
                } else if (b < r.boundArgs().size()) {
                    bound.add(new Arg(p, r.boundArgs().get(b++).value()));
                }
            }
            return new Table.ActionRef(r.action(), r.global(), bound, cp, r.annotations(), r.span());
        }

        @Override
        public Expr call(Call c) {
            Expr r = super.call(c);
            if (r instanceof Call.ActionCall ac) {
                Decl.ActionDecl a = find(ac.action(), ac.global());
                if (a != null && a.params().size() == ac.args().size()) {
                    var args = new ArrayList<Arg>();
                    for (int i = 0; i < a.params().size(); i++) {
                        args.add(new Arg(a.params().get(i), ac.args().get(i).value()));
                    }
                    return new Call.ActionCall(ac.action(), ac.global(), List.copyOf(args), ac.span());
                }
            }
            return r;
        }
    }
}
