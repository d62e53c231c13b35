package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.pass.IrRewriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Removes local variables that are written but never read, with the statements that write them.
 * A variable counts as read wherever it appears except as the root of an assignment's target or of
 * {@code setValid()}/{@code setInvalid()}/{@code push_front}/{@code pop_front}; passing it to a call
 * counts as reading it. An assignment of a call to a removed variable keeps the call.
 */
final class UnreadVariables {
    private UnreadVariables() {}

    /** The parser or control without its unread locals; the same object when there are none. */
    static Decl remove(Decl block) {
        Set<String> declared = new HashSet<>();
        new IrRewriter() {
            @Override
            public Decl.ActionDecl action(Decl.ActionDecl a) {
                return a;
            }

            @Override
            public List<Stmt> stmt(Stmt s) {
                if (s instanceof Stmt.VarDecl v) {
                    declared.add(v.name());
                }
                return super.stmt(s);
            }
        }.decl(block);
        for (Decl d : Blocks.locals(block)) {
            if (d instanceof Decl.VarDecl v) {
                declared.add(v.name());
            }
        }
        var reads = new Reads(Expr.Frame.CONTAINER);
        reads.decl(block);
        declared.removeAll(reads.read);
        Decl out = block;
        if (!declared.isEmpty()) {
            out = new Remover(declared, Expr.Frame.CONTAINER).decl(block).getFirst();
            out = withoutLocals(out, declared);
        }
        return actions(out);
    }

    /** Each action of a control without its own unread variables. */
    private static Decl actions(Decl block) {
        if (!(block instanceof Decl.ControlDecl c)) {
            return block;
        }
        var locals = new ArrayList<Decl>();
        boolean changed = false;
        for (Decl d : c.locals()) {
            if (d instanceof Decl.ActionDecl a) {
                Set<String> declared = new HashSet<>();
                for (Stmt s : a.body().statements()) {
                    collectDecls(s, declared);
                }
                var reads = new Reads(Expr.Frame.CALLABLE);
                reads.block(a.body());
                declared.removeAll(reads.read);
                if (!declared.isEmpty()) {
                    changed = true;
                    Stmt.Block body = new Remover(declared, Expr.Frame.CALLABLE).block(a.body());
                    locals.add(new Decl.ActionDecl(a.name(), a.params(), body, a.annotations(), a.span()));
                    continue;
                }
            }
            locals.add(d);
        }
        return changed ? new Decl.ControlDecl(c.name(), c.typeParams(), c.applyParams(), c.ctorParams(), locals,
                c.body(), c.annotations(), c.span()) : block;
    }

    private static void collectDecls(Stmt s, Set<String> out) {
        new IrRewriter() {
            @Override
            public List<Stmt> stmt(Stmt x) {
                if (x instanceof Stmt.VarDecl v) {
                    out.add(v.name());
                }
                return super.stmt(x);
            }
        }.stmt(s);
    }

    private static Decl withoutLocals(Decl block, Set<String> dead) {
        var locals = new ArrayList<Decl>();
        for (Decl d : Blocks.locals(block)) {
            if (!(d instanceof Decl.VarDecl v && dead.contains(v.name()))) {
                locals.add(d);
            }
        }
        if (block instanceof Decl.ParserDecl p) {
            return new Decl.ParserDecl(p.name(), p.typeParams(), p.applyParams(), p.ctorParams(), locals, p.states(),
                    p.annotations(), p.span());
        }
        Decl.ControlDecl c = Blocks.control(block);
        return new Decl.ControlDecl(c.name(), c.typeParams(), c.applyParams(), c.ctorParams(), locals, c.body(),
                c.annotations(), c.span());
    }

    /** Whether a statement only writes storage rooted at one of {@code vars}; the variable's root, if so. */
    private static Optional<Expr.Var> writtenRoot(Stmt s, Expr.Frame frame) {
        Expr target = null;
        if (s instanceof Stmt.Assign a) {
            target = a.target();
        } else if (s instanceof Stmt.CallStmt c && c.call() instanceof Call.BuiltinCall b
                && b.builtin() != Call.Builtin.IS_VALID) {
            target = b.target();
        }
        return target == null ? Optional.empty() : Exprs.root(target).filter(v -> v.frame() == frame);
    }

    /** The variables of one frame that something reads. */
    private static final class Reads extends IrRewriter {
        private final Expr.Frame frame;
        final Set<String> read = new HashSet<>();

        Reads(Expr.Frame frame) {
            this.frame = frame;
        }

        @Override
        public Decl.ActionDecl action(Decl.ActionDecl a) {
            return frame == Expr.Frame.CALLABLE ? a : super.action(a);
        }

        @Override
        public List<Stmt> stmt(Stmt s) {
            Optional<Expr.Var> root = writtenRoot(s, frame);
            if (root.isPresent()) {
                Expr target = s instanceof Stmt.Assign a ? a.target()
                        : ((Call.BuiltinCall) ((Stmt.CallStmt) s).call()).target();
                indices(target);
                if (s instanceof Stmt.Assign a) {
                    expr(a.value());
                } else {
                    ((Stmt.CallStmt) s).call().args().forEach(this::arg);
                }
                return List.of(s);
            }
            return super.stmt(s);
        }

        private void indices(Expr lvalue) {
            if (lvalue instanceof Expr.StackElement se) {
                expr(se.index());
                indices(se.stack());
            } else if (lvalue instanceof Expr.DynSlice ds) {
                expr(ds.lo());
                indices(ds.operand());
            } else {
                Exprs.lvalueBase(lvalue).ifPresent(this::indices);
            }
        }

        @Override
        public Expr expr(Expr e) {
            if (e instanceof Expr.Var v && v.frame() == frame) {
                read.add(v.name());
            }
            return super.expr(e);
        }
    }

    /** Drops declarations of and writes to dead variables. */
    private static final class Remover extends IrRewriter {
        private final Set<String> dead;
        private final Expr.Frame frame;

        Remover(Set<String> dead, Expr.Frame frame) {
            this.dead = dead;
            this.frame = frame;
        }

        @Override
        public List<Stmt> stmt(Stmt s) {
            if (s instanceof Stmt.VarDecl v && dead.contains(v.name()) && (frame == Expr.Frame.CALLABLE) == inAction()) {
                return v.init().filter(Exprs::hasEffects).filter(e -> e instanceof Call)
                        .map(e -> List.<Stmt>of(new Stmt.CallStmt((Call) e, v.span()))).orElse(List.of());
            }
            Optional<Expr.Var> root = writtenRoot(s, frame);
            if (root.isPresent() && dead.contains(root.get().name())) {
                if (s instanceof Stmt.Assign a && a.value() instanceof Call c && Exprs.hasEffects(c)) {
                    return List.of(new Stmt.CallStmt(c, a.span()));
                }
                return List.of();
            }
            return super.stmt(s);
        }

        private boolean inAction() {
            return callable().isPresent() || frame == Expr.Frame.CALLABLE;
        }
    }
}
