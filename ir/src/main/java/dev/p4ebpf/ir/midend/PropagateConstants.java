package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.pass.Decls;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Constant propagation and folding inside each apply block, action and parser state: a scalar
 * variable, field or stack element assigned a literal is replaced by that literal where it is read
 * until something may change it, and expressions are folded. Branches are followed separately and
 * met at their join; a table application forgets everything in the control (its actions may write
 * any of it), a call what it writes, a loop what its body writes. Conditions that fold to a literal
 * are left for {@link EliminateDeadCode}.
 */
public final class PropagateConstants implements Pass {
    private final String name;

    /** The pass under the name {@code name} (it runs more than once in the pipeline). */
    public PropagateConstants(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return "propagate literal values of variables and fields, and fold expressions";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        return Decls.mapBlocks(program, PropagateConstants::parser, PropagateConstants::control);
    }

    private static Decl.ControlDecl control(Decl.ControlDecl c) {
        var locals = new ArrayList<Decl>();
        var start = ConstantEnv.empty();
        for (Decl d : c.locals()) {
            if (d instanceof Decl.ActionDecl a) {
                var body = new Propagator(Expr.Frame.CALLABLE).stmts(a.body().statements(), ConstantEnv.empty());
                locals.add(new Decl.ActionDecl(a.name(), a.params(), new Stmt.Block(body, a.body().annotations(),
                        a.body().span()), a.annotations(), a.span()));
            } else {
                if (d instanceof Decl.VarDecl v && v.init().isPresent()) {
                    start.assign(new Expr.Var(v.name(), v.type(), Expr.Frame.CONTAINER, v.span()), v.init().get());
                }
                locals.add(d);
            }
        }
        List<Stmt> body = new Propagator(Expr.Frame.CONTAINER).stmts(c.body().statements(), start);
        return new Decl.ControlDecl(c.name(), c.typeParams(), c.applyParams(), c.ctorParams(), locals,
                new Stmt.Block(body, c.body().annotations(), c.body().span()), c.annotations(), c.span());
    }

    private static Decl.ParserDecl parser(Decl.ParserDecl p) {
        var states = new ArrayList<ParserState>();
        for (ParserState s : p.states()) {
            var env = ConstantEnv.empty();
            var prop = new Propagator(Expr.Frame.CONTAINER);
            List<Stmt> body = prop.stmts(s.body(), env);
            ParserState.Transition t = switch (s.transition()) {
                case ParserState.Goto g -> g;
                case ParserState.Select sel -> new ParserState.Select(sel.keys().stream()
                        .map(k -> prop.read(k, env)).toList(), sel.cases(), sel.span());
            };
            states.add(new ParserState(s.name(), body, t, s.annotations(), s.span()));
        }
        return new Decl.ParserDecl(p.name(), p.typeParams(), p.applyParams(), p.ctorParams(), p.locals(), states,
                p.annotations(), p.span());
    }

    /** Walks statements in order with the environment of what is known. */
    private static final class Propagator {
        private final Expr.Frame frame;

        Propagator(Expr.Frame frame) {
            this.frame = frame;
        }

        List<Stmt> stmts(List<Stmt> ss, ConstantEnv env) {
            var out = new ArrayList<Stmt>();
            for (Stmt s : ss) {
                out.add(stmt(s, env));
            }
            return out;
        }

        /** {@code e} with known locations replaced by their values, folded. */
        Expr read(Expr e, ConstantEnv env) {
            return Folding.fold(new Substitute(env).expr(e));
        }

        /** An l-value with its run-time indices read through the environment. */
        private Expr lvalue(Expr e, ConstantEnv env) {
            if (e instanceof Expr.Member m) {
                return new Expr.Member(lvalue(m.base(), env), m.field(), m.type(), m.span());
            }
            if (e instanceof Expr.StackElement s) {
                return new Expr.StackElement(lvalue(s.stack(), env), read(s.index(), env), s.type(), s.span());
            }
            if (e instanceof Expr.Slice s) {
                return new Expr.Slice(lvalue(s.operand(), env), s.hi(), s.lo(), s.type(), s.span());
            }
            if (e instanceof Expr.DynSlice s) {
                return new Expr.DynSlice(lvalue(s.operand(), env), read(s.lo(), env), s.width(), s.type(), s.span());
            }
            return e;
        }

        private Stmt stmt(Stmt s, ConstantEnv env) {
            return switch (s) {
                case Stmt.Assign a -> {
                    Expr target = lvalue(a.target(), env);
                    Expr value = a.value() instanceof Call c ? call(c, env) : read(a.value(), env);
                    env.assign(target, value);
                    yield new Stmt.Assign(target, value, a.span());
                }
                case Stmt.VarDecl v -> {
                    var target = new Expr.Var(v.name(), v.type(), frame, v.span());
                    Optional<Expr> init = v.init().map(e -> e instanceof Call c ? call(c, env) : read(e, env));
                    env.kill(target);
                    init.ifPresent(e -> env.assign(target, e));
                    yield new Stmt.VarDecl(v.name(), v.type(), init, v.annotations(), v.span());
                }
                case Stmt.CallStmt c -> new Stmt.CallStmt((Call) call(c.call(), env), c.span());
                case Stmt.If i -> conditional(i, env);
                case Stmt.Block b -> new Stmt.Block(stmts(b.statements(), env), b.annotations(), b.span());
                case Stmt.Switch sw -> actionRunSwitch(sw, env);
                case Stmt.Exit e -> e;
                case Stmt.Return r -> new Stmt.Return(r.value().map(v -> read(v, env)), r.span());
                case Stmt.Empty e -> e;
                case Stmt.For f -> loop(f, env);
                case Stmt.ForIn f -> loop(f, env);
                case Stmt.ForRange f -> loop(f, env);
                case Stmt.Break b -> b;
                case Stmt.Continue c -> c;
            };
        }

        private Expr call(Call c, ConstantEnv env) {
            Call r = c;
            if (c instanceof Call.MethodCall || c instanceof Call.ExternFunctionCall || c instanceof Call.BuiltinCall
                    || c instanceof Call.FunctionCall || c instanceof Call.ActionCall || c instanceof Call.ApplyCall) {
                var args = new ArrayList<Arg>();
                for (Arg a : c.args()) {
                    if (a.value().isEmpty()) {
                        args.add(a);
                    } else if (a.param().direction().copiesOut()) {
                        args.add(Arg.of(a.param(), lvalue(a.expr(), env)));
                    } else {
                        args.add(Arg.of(a.param(), read(a.expr(), env)));
                    }
                }
                r = Calls.withArgs(c, args);
            }
            for (Arg a : r.args()) {
                if (a.param().direction().copiesOut() && a.value().isPresent()) {
                    env.kill(a.expr());
                }
            }
            if (r instanceof Call.BuiltinCall b && b.builtin() != Call.Builtin.IS_VALID) {
                env.kill(b.target());
            }
            if (r instanceof Call.TableApply || r instanceof Call.ApplyCall || r instanceof Call.ActionCall) {
                env.killFrame(Expr.Frame.CONTAINER);
            }
            return r;
        }

        private Stmt conditional(Stmt.If i, ConstantEnv env) {
            Expr cond;
            if (Exprs.appliedTable(i.condition()).isPresent()) {
                cond = i.condition();
                env.killFrame(Expr.Frame.CONTAINER);
            } else {
                cond = read(i.condition(), env);
            }
            ConstantEnv thenEnv = env.copy();
            Stmt then = branch(i.then(), thenEnv);
            ConstantEnv elseEnv = env.copy();
            Optional<Stmt> otherwise = i.otherwise().map(o -> branch(o, elseEnv));
            ConstantEnv joined = cond instanceof Expr.BoolLit b ? (b.value() ? thenEnv : elseEnv)
                    : thenEnv.meet(elseEnv);
            replace(env, joined);
            return new Stmt.If(cond, then, otherwise, i.span());
        }

        private Stmt branch(Stmt s, ConstantEnv env) {
            return stmt(s, env);
        }

        private Stmt actionRunSwitch(Stmt.Switch sw, ConstantEnv env) {
            Expr subject = Exprs.appliedTable(sw.subject()).isPresent() ? sw.subject() : read(sw.subject(), env);
            env.killFrame(Expr.Frame.CONTAINER);
            ConstantEnv joined = null;
            var cases = new ArrayList<Stmt.Case>();
            for (Stmt.Case c : sw.cases()) {
                if (c.body().isEmpty()) {
                    cases.add(c);
                    continue;
                }
                ConstantEnv e = env.copy();
                Stmt.Block b = c.body().get();
                cases.add(new Stmt.Case(c.label(), Optional.of(new Stmt.Block(stmts(b.statements(), e),
                        b.annotations(), b.span())), c.span()));
                joined = joined == null ? e : joined.meet(e);
            }
            boolean hasDefault = sw.cases().stream().anyMatch(c -> c.label() instanceof Stmt.DefaultLabel);
            if (joined != null) {
                replace(env, hasDefault ? joined : joined.meet(env));
            }
            return new Stmt.Switch(subject, cases, sw.span());
        }

        private Stmt loop(Stmt loop, ConstantEnv env) {
            for (Expr w : Writes.of(List.of(loop))) {
                env.kill(w);
            }
            if (!Writes.of(List.of(loop)).isEmpty() || hasTableApply(loop)) {
                env.killFrame(Expr.Frame.CONTAINER);
            }
            return loop;
        }

        private static boolean hasTableApply(Stmt s) {
            var found = new boolean[1];
            new dev.p4ebpf.ir.pass.IrRewriter() {
                @Override
                public Expr call(Call c) {
                    found[0] |= c instanceof Call.TableApply;
                    return super.call(c);
                }
            }.stmt(s);
            return found[0];
        }

        private static void replace(ConstantEnv env, ConstantEnv with) {
            env.killFrame(Expr.Frame.CONTAINER);
            env.killFrame(Expr.Frame.CALLABLE);
            env.absorb(with);
        }
    }

    /** Replaces reads of known locations by their values. */
    private static final class Substitute extends dev.p4ebpf.ir.pass.IrRewriter {
        private final ConstantEnv env;

        Substitute(ConstantEnv env) {
            this.env = env;
        }

        @Override
        public Expr expr(Expr e) {
            if (e instanceof Expr.Var || e instanceof Expr.Member || e instanceof Expr.StackElement) {
                Optional<Expr> v = env.value(e);
                if (v.isPresent()) {
                    return v.get();
                }
            }
            Expr r = super.expr(e);
            if (r instanceof Expr.Member m && m.base() instanceof Expr.StructValue sv
                    && Types.rep(sv.type()) instanceof dev.p4ebpf.ir.Type.Fielded f && f.fieldIndex(m.field()) >= 0) {
                return sv.fields().get(f.fieldIndex(m.field()));
            }
            if (r instanceof Call.BuiltinCall b && b.builtin() == Call.Builtin.IS_VALID) {
                if (b.target() instanceof Expr.StructValue) {
                    return Exprs.bool(true);
                }
                if (b.target() instanceof Expr.InvalidHeader) {
                    return Exprs.bool(false);
                }
            }
            return r;
        }
    }
}
