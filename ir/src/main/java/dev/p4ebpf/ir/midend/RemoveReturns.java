package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.pass.Decls;
import dev.p4ebpf.ir.pass.FreshNames;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes {@code return} from control apply blocks and actions (inlined functions, actions and
 * controls had theirs removed when they were inlined): a return sets a flag and the code after it
 * runs under {@code if (!flag)}, or, when every return is the last thing to run, it simply goes
 * (see {@link Terminations}). Abstract-method implementations keep theirs: they are functions the
 * architecture calls.
 */
public final class RemoveReturns implements Pass {
    @Override
    public String name() {
        return "remove-returns";
    }

    @Override
    public String summary() {
        return "turn return in apply blocks and actions into structured control flow";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var names = FreshNames.of(program);
        return new IrRewriter() {
            @Override
            public List<Decl> decl(Decl d) {
                return Decls.isBundled(d) ? List.of(d) : super.decl(d);
            }

            @Override
            public Decl.ActionDecl action(Decl.ActionDecl a) {
                Stmt.Block body = removed(a.body(), Expr.Frame.CALLABLE, names);
                return body == a.body() ? a : new Decl.ActionDecl(a.name(), a.params(), body, a.annotations(), a.span());
            }

            @Override
            public Decl.FunctionDecl function(Decl.FunctionDecl f) {
                return f;
            }

            @Override
            public Decl.ControlDecl control(Decl.ControlDecl c) {
                Decl.ControlDecl r = super.control(c);
                Stmt.Block body = removed(r.body(), Expr.Frame.CONTAINER, names);
                return body == r.body() ? r : new Decl.ControlDecl(r.name(), r.typeParams(), r.applyParams(),
                        r.ctorParams(), r.locals(), body, r.annotations(), r.span());
            }
        }.program(program);
    }

    private static Stmt.Block removed(Stmt.Block body, Expr.Frame frame, FreshNames names) {
        var decls = new ArrayList<Stmt>();
        List<Stmt> out = CallableInliner.returnsRemoved(body.statements(), Optional.empty(), frame, names, decls,
                body.span());
        if (out == body.statements()) {
            return body;
        }
        decls.addAll(out);
        return new Stmt.Block(decls, body.annotations(), body.span());
    }
}
