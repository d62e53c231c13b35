package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.pass.Decls;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives every variable one place: the variables of apply blocks and parser states become locals of
 * their control or parser, those of an action are declared at the top of its body, and none has an
 * initializer any more. What a declaration did where it stood — initializing, or making its headers
 * invalid — becomes a statement there; the initializers of parser and control locals move to the
 * start of the apply block or of the start state. Names are unique per frame, so nothing clashes.
 */
public final class MoveDeclarations implements Pass {
    private final String name;

    /** The pass under the name {@code name} (it runs more than once in the pipeline). */
    public MoveDeclarations(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return "declare all variables at block level (or at the top of actions), without initializers";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        return Decls.mapBlocks(program, MoveDeclarations::parser, MoveDeclarations::control);
    }

    private static Decl.ControlDecl control(Decl.ControlDecl c) {
        var locals = new ArrayList<Decl>();
        var init = new ArrayList<Stmt>();
        for (Decl d : c.locals()) {
            if (d instanceof Decl.VarDecl v) {
                locals.add(uninitialized(v));
                v.init().ifPresent(e -> init.add(new Stmt.Assign(var(v), e, v.span())));
            } else if (d instanceof Decl.ActionDecl a) {
                locals.add(action(a));
            } else {
                locals.add(d);
            }
        }
        var lifted = new Lifted();
        List<Stmt> body = lifted.stmts(c.body().statements());
        locals.addAll(lifted.decls);
        init.addAll(body);
        return new Decl.ControlDecl(c.name(), c.typeParams(), c.applyParams(), c.ctorParams(), locals,
                new Stmt.Block(init, c.body().annotations(), c.body().span()), c.annotations(), c.span());
    }

    private static Decl.ParserDecl parser(Decl.ParserDecl p) {
        var locals = new ArrayList<Decl>();
        var init = new ArrayList<Stmt>();
        for (Decl d : p.locals()) {
            if (d instanceof Decl.VarDecl v) {
                locals.add(uninitialized(v));
                v.init().ifPresent(e -> init.add(new Stmt.Assign(var(v), e, v.span())));
            } else {
                locals.add(d);
            }
        }
        var lifted = new Lifted();
        var states = new ArrayList<ParserState>();
        for (ParserState s : p.states()) {
            var body = new ArrayList<Stmt>();
            if (s.name().equals(ParserState.START)) {
                body.addAll(init);
            }
            body.addAll(lifted.stmts(s.body()));
            states.add(new ParserState(s.name(), body, s.transition(), s.annotations(), s.span()));
        }
        locals.addAll(lifted.decls);
        return new Decl.ParserDecl(p.name(), p.typeParams(), p.applyParams(), p.ctorParams(), locals, states,
                p.annotations(), p.span());
    }

    private static Decl.ActionDecl action(Decl.ActionDecl a) {
        var lifted = new Lifted();
        lifted.inAction();
        List<Stmt> body = lifted.stmts(a.body().statements());
        if (lifted.decls.isEmpty() && body == a.body().statements()) {
            return a;
        }
        var out = new ArrayList<Stmt>();
        for (Decl.VarDecl v : lifted.decls) {
            out.add(new Stmt.VarDecl(v.name(), v.type(), Optional.empty(), v.annotations(), v.span()));
        }
        out.addAll(body);
        return new Decl.ActionDecl(a.name(), a.params(), new Stmt.Block(out, a.body().annotations(), a.body().span()),
                a.annotations(), a.span());
    }

    private static Decl.VarDecl uninitialized(Decl.VarDecl v) {
        return v.init().isEmpty() ? v : new Decl.VarDecl(v.name(), v.type(), Optional.empty(), v.annotations(), v.span());
    }

    private static Expr.Var var(Decl.VarDecl v) {
        return new Expr.Var(v.name(), v.type(), Expr.Frame.CONTAINER, v.span());
    }

    /** Takes variable declarations out of statements, leaving what they did in their place. */
    private static final class Lifted extends IrRewriter {
        final List<Decl.VarDecl> decls = new ArrayList<>();
        private Expr.Frame frame = Expr.Frame.CONTAINER;

        @Override
        public Decl.ActionDecl action(Decl.ActionDecl a) {
            return a;
        }

        @Override
        public List<Stmt> stmt(Stmt s) {
            List<Stmt> r = super.stmt(s);
            var out = new ArrayList<Stmt>();
            for (Stmt x : r) {
                if (x instanceof Stmt.VarDecl v) {
                    decls.add(new Decl.VarDecl(v.name(), v.type(), Optional.empty(), v.annotations(), v.span()));
                    var target = new Expr.Var(v.name(), v.type(), frame, v.span());
                    if (v.init().isPresent()) {
                        out.add(new Stmt.Assign(target, v.init().get(), v.span()));
                    } else {
                        out.addAll(Invalidation.of(target));
                    }
                } else {
                    out.add(x);
                }
            }
            return out;
        }

        void inAction() {
            frame = Expr.Frame.CALLABLE;
        }
    }
}
