package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.pass.FreshNames;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Unrolls {@code for} loops, innermost first, into one copy of the body per iteration (variables
 * declared in the body renamed per copy). The iterations are known when the loop walks a header
 * stack or a list, a range with literal bounds, or a {@code for (init; cond; update)} whose
 * variables only {@code init} and {@code update} set, with literal values. Where the condition or
 * the upper bound is known only at run time, each copy runs under it while the variables' values
 * stay computable, up to {@value #MAX_ITERATIONS} copies. {@code break} and {@code continue} become
 * flags guarding the rest (see {@link Terminations}). Other loops are reported.
 */
public final class UnrollLoops implements Pass {
    /** More copies of one loop body than this is reported rather than produced. */
    static final int MAX_ITERATIONS = 256;
    /** More statements than this from unrolling one loop (inner loops included) is reported rather than produced. */
    static final int MAX_STATEMENTS = 20_000;

    @Override
    public String name() {
        return "unroll-loops";
    }

    @Override
    public String summary() {
        return "unroll for loops with computable iterations (break/continue become flags)";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var names = FreshNames.of(program);
        Diagnostics diags = context.diagnostics();
        return new IrRewriter() {
            @Override
            public List<Stmt> stmt(Stmt s) {
                Stmt r = super.stmt(s).getFirst();
                if (!(r instanceof Stmt.For || r instanceof Stmt.ForIn || r instanceof Stmt.ForRange)) {
                    return List.of(r);
                }
                var u = new Unroller(names, frame());
                Optional<List<Stmt>> out = switch (r) {
                    case Stmt.ForIn f -> u.forIn(f);
                    case Stmt.ForRange f -> u.forRange(f);
                    case Stmt.For f -> u.forLoop(f);
                    default -> Optional.empty();
                };
                if (out.isEmpty()) {
                    diags.report(Code.UNSUPPORTED, r.span(), "this for loop", u.why);
                    return List.of(r);
                }
                return List.of(Stmt.Block.of(out.get(), r.span()));
            }
        }.program(program);
    }

    /** Unrolls one loop whose inner loops are already unrolled. */
    private static final class Unroller {
        private final FreshNames names;
        private final Expr.Frame frame;
        String why = "its iterations cannot be computed at compile time";

        Unroller(FreshNames names, Expr.Frame frame) {
            this.names = names;
            this.frame = frame;
        }

        private Expr.Var var(Stmt.VarDecl v) {
            return new Expr.Var(v.name(), v.type(), frame, v.span());
        }

        Optional<List<Stmt>> forIn(Stmt.ForIn f) {
            List<Expr> elements = new ArrayList<>();
            Type t = Types.rep(f.collection().type());
            if (t instanceof Type.Stack st && Exprs.isPath(f.collection())) {
                for (int i = 0; i < st.size(); i++) {
                    elements.add(new Expr.StackElement(f.collection(), index(i, f), st.element(), f.span()));
                }
            } else if (f.collection() instanceof Expr.TupleValue tv) {
                elements.addAll(tv.elements());
            } else {
                why = "it walks something other than a header stack or a list value";
                return Optional.empty();
            }
            var loop = new Loop(f.body(), f.span());
            for (Expr e : elements) {
                loop.iteration(List.of(new Stmt.Assign(var(f.variable()), e, f.span())), Optional.empty(), List.of());
                if (loop.tooBig()) {
                    return tooBig();
                }
            }
            return Optional.of(loop.finish(List.of(declared(f.variable()))));
        }

        Optional<List<Stmt>> forRange(Stmt.ForRange f) {
            if (!(f.lo() instanceof Expr.IntLit lo) || !(Types.rep(f.variable().type()) instanceof Type.Bits bits)) {
                why = "its lower bound is not a compile-time constant";
                return Optional.empty();
            }
            Expr.Var v = var(f.variable());
            var prologue = new ArrayList<Stmt>();
            prologue.add(declared(f.variable()));
            BigInteger last;
            Optional<Expr> guard = Optional.empty();
            if (f.hi() instanceof Expr.IntLit hi) {
                last = hi.value();
            } else {
                String h = names.fresh("range_end");
                prologue.add(new Stmt.VarDecl(h, f.hi().type(), Optional.of(f.hi()), List.of(), f.span()));
                var hv = new Expr.Var(h, f.hi().type(), frame, f.span());
                last = dev.p4ebpf.ir.fold.IntOps.max(bits);
                guard = Optional.of(hv);
            }
            BigInteger count = last.subtract(lo.value()).add(BigInteger.ONE);
            if (count.compareTo(BigInteger.valueOf(MAX_ITERATIONS)) > 0) {
                why = "it would need " + count + " copies of its body, more than " + MAX_ITERATIONS;
                return Optional.empty();
            }
            var loop = new Loop(f.body(), f.span());
            for (BigInteger i = lo.value(); i.compareTo(last) <= 0; i = i.add(BigInteger.ONE)) {
                var value = new Expr.IntLit(i, v.type(), f.span());
                Optional<Expr> cond = guard.map(h -> Folding.fold(new Expr.Binary(Expr.BinOp.LE, value, h, Type.BOOL,
                        f.span())));
                loop.iteration(List.of(new Stmt.Assign(v, value, f.span())), cond, List.of());
                if (loop.tooBig()) {
                    return tooBig();
                }
            }
            return Optional.of(loop.finish(prologue));
        }

        Optional<List<Stmt>> forLoop(Stmt.For f) {
            ConstantEnv env = ConstantEnv.empty();
            var inductions = new HashSet<String>();
            for (Stmt s : f.update()) {
                if (s instanceof Stmt.Assign a && a.target() instanceof Expr.Var v) {
                    inductions.add(v.name());
                } else {
                    why = "its update is not a list of variable assignments";
                    return Optional.empty();
                }
            }
            for (Stmt s : f.init()) {
                if (s instanceof Stmt.VarDecl d && d.init().isPresent()) {
                    env.assign(var(d), Folding.fold(d.init().get()));
                } else if (s instanceof Stmt.Assign a) {
                    env.assign(a.target(), Folding.fold(a.value()));
                }
            }
            var read = new ArrayList<Expr>();
            f.condition().ifPresent(c -> paths(c, read));
            for (Expr w : Writes.of(List.of(f.body()))) {
                boolean induction = Exprs.root(w).map(r -> inductions.contains(r.name())).orElse(true);
                if (induction || read.stream().anyMatch(r -> Paths.overlap(r, w))) {
                    why = "its body changes the loop variables";
                    return Optional.empty();
                }
            }
            var loop = new Loop(f.body(), f.span());
            var seen = new HashSet<String>();
            for (int n = 0; ; n++) {
                Optional<Expr> cond = f.condition().map(c -> read(c, env));
                if (cond.isPresent() && cond.get() instanceof Expr.BoolLit b && !b.value()) {
                    break;
                }
                String state = inductions.stream().sorted().map(x -> x + "=" + env.valueOf(x, frame)).toList().toString();
                if (!seen.add(state)) {
                    if (cond.isEmpty() || cond.get() instanceof Expr.BoolLit) {
                        why = "it never ends: its variables come back to the same values with the condition true";
                        return Optional.empty();
                    }
                    break;
                }
                if (n >= MAX_ITERATIONS) {
                    why = "it would need more than " + MAX_ITERATIONS + " copies of its body";
                    return Optional.empty();
                }
                Optional<Expr> guard = cond.filter(c -> !(c instanceof Expr.BoolLit));
                loop.iteration(List.of(), guard.map(g -> f.condition().get()), f.update());
                if (loop.tooBig()) {
                    return tooBig();
                }
                for (Stmt s : f.update()) {
                    Stmt.Assign a = (Stmt.Assign) s;
                    Expr v = read(a.value(), env);
                    if (!Exprs.isLiteral(v)) {
                        why = "its update does not compute a constant";
                        return Optional.empty();
                    }
                    env.assign(a.target(), v);
                }
            }
            return Optional.of(loop.finish(f.init()));
        }

        /** The storage locations an expression reads (the largest l-value paths in it). */
        private static void paths(Expr e, List<Expr> out) {
            if (Exprs.isPath(e)) {
                out.add(e);
                return;
            }
            Exprs.children(e).forEach(c -> paths(c, out));
        }

        private static Expr read(Expr e, ConstantEnv env) {
            return Folding.fold(new IrRewriter() {
                @Override
                public Expr expr(Expr x) {
                    if (x instanceof Expr.Var) {
                        Optional<Expr> v = env.value(x);
                        if (v.isPresent()) {
                            return v.get();
                        }
                    }
                    return super.expr(x);
                }
            }.expr(e));
        }

        private static int statements(Stmt s) {
            int[] n = {0};
            new IrRewriter() {
                @Override
                public List<Stmt> stmt(Stmt x) {
                    n[0]++;
                    return super.stmt(x);
                }
            }.stmt(s);
            return n[0];
        }

        private Optional<List<Stmt>> tooBig() {
            why = "unrolling it would produce more than " + MAX_STATEMENTS + " statements";
            return Optional.empty();
        }

        private static Stmt.VarDecl declared(Stmt.VarDecl v) {
            return new Stmt.VarDecl(v.name(), v.type(), Optional.empty(), v.annotations(), v.span());
        }

        private static Expr index(int i, Stmt s) {
            return new Expr.IntLit(BigInteger.valueOf(i), Type.Bits.unsigned(32), s.span());
        }

        /** The copies of one loop's body, with the flags for {@code break} and {@code continue}. */
        private final class Loop {
            private final Stmt body;
            private final dev.p4ebpf.ir.diag.Span at;
            private final boolean breaks;
            private final boolean continues;
            private Expr.Var broke;
            private final List<Stmt> iterations = new ArrayList<>();
            private final List<Stmt> flags = new ArrayList<>();

            Loop(Stmt body, dev.p4ebpf.ir.diag.Span at) {
                this.body = body;
                this.at = at;
                this.breaks = Terminations.needed(List.of(body), Jump.BREAK);
                this.continues = Terminations.needed(List.of(body), Jump.CONTINUE);
                this.size = statements(body);
            }

            private final int size;

            private Expr.Var flag(String base) {
                var v = new Expr.Var(names.fresh(base), Type.BOOL, frame, at);
                flags.add(new Stmt.VarDecl(v.name(), Type.BOOL, Optional.of(Exprs.bool(false)), List.of(), at));
                return v;
            }

            /** Whether the copies made so far already exceed {@link #MAX_STATEMENTS}. */
            boolean tooBig() {
                return iterations.size() * (long) size > MAX_STATEMENTS;
            }

            void iteration(List<Stmt> setup, Optional<Expr> guard, List<Stmt> update) {
                if ((breaks || guard.isPresent()) && broke == null) {
                    broke = flag("loop_done");
                }
                List<Stmt> copy = renamedBody();
                if (breaks) {
                    copy = Terminations.eliminate(copy, Jump.BREAK, broke);
                }
                if (continues) {
                    Expr.Var cont = flag("loop_next");
                    var withReset = new ArrayList<Stmt>();
                    withReset.add(new Stmt.Assign(cont, Exprs.bool(false), at));
                    withReset.addAll(Terminations.eliminate(copy, Jump.CONTINUE, cont));
                    copy = withReset;
                }
                var one = new ArrayList<>(setup);
                one.addAll(copy);
                if (breaks && !update.isEmpty()) {
                    one.add(new Stmt.If(Exprs.not(broke), Stmt.Block.of(update, at), Optional.empty(), at));
                } else {
                    one.addAll(update);
                }
                Stmt it = Stmt.Block.of(one, at);
                if (guard.isPresent()) {
                    it = new Stmt.If(guard.get(), it, Optional.of(Stmt.Block.of(List.of(new Stmt.Assign(broke,
                            Exprs.bool(true), at)), at)), at);
                }
                iterations.add(broke != null && !iterations.isEmpty()
                        ? new Stmt.If(Exprs.not(broke), Stmt.Block.of(List.of(it), at), Optional.empty(), at) : it);
            }

            List<Stmt> finish(List<Stmt> prologue) {
                var out = new ArrayList<>(prologue);
                out.addAll(flags);
                out.addAll(iterations);
                return out;
            }

            /** The body with the variables it declares renamed, so that copies do not clash. */
            private List<Stmt> renamedBody() {
                Set<String> declared = new HashSet<>();
                new IrRewriter() {
                    @Override
                    public List<Stmt> stmt(Stmt s) {
                        if (s instanceof Stmt.VarDecl v) {
                            declared.add(v.name());
                        }
                        return super.stmt(s);
                    }
                }.stmt(body);
                var renamed = new java.util.HashMap<String, String>();
                declared.forEach(n -> renamed.put(n, names.fresh(n)));
                Stmt r = new IrRewriter() {
                    @Override
                    public Expr expr(Expr e) {
                        if (e instanceof Expr.Var v && v.frame() == frame && renamed.containsKey(v.name())) {
                            return new Expr.Var(renamed.get(v.name()), v.type(), v.frame(), v.span());
                        }
                        return super.expr(e);
                    }

                    @Override
                    public List<Stmt> stmt(Stmt s) {
                        List<Stmt> out = super.stmt(s);
                        return map(out, x -> x instanceof Stmt.VarDecl v && renamed.containsKey(v.name())
                                ? new Stmt.VarDecl(renamed.get(v.name()), v.type(), v.init(), v.annotations(), v.span())
                                : x);
                    }
                }.stmt(body).getFirst();
                return r instanceof Stmt.Block b && b.annotations().isEmpty() ? b.statements() : List.of(r);
            }
        }
    }

    /** {@code break} or {@code continue} as terminators of one loop iteration. */
    private enum Jump implements Terminations.Spec {
        BREAK, CONTINUE;

        @Override
        public boolean isTerminator(Stmt s) {
            return this == BREAK ? s instanceof Stmt.Break : s instanceof Stmt.Continue;
        }

        @Override
        public List<Stmt> replacement(Stmt terminator) {
            return List.of();
        }

        @Override
        public boolean tableMayTerminate(Stmt s) {
            return false;
        }
    }
}
