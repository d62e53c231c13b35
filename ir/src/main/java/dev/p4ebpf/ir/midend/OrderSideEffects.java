package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.pass.FreshNames;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes the order of side effects explicit (see {@link Lifter}). Afterwards a call with an effect
 * appears only as a statement of its own, as the value of an assignment or of a variable's
 * initializer, or as the table application of {@code if (t.apply().hit)}, {@code if
 * (t.apply().miss)} or {@code switch (t.apply().action_run)}; the arguments of a call have no
 * effects; and every other expression (conditions, select keys, switch subjects) only reads.
 */
public final class OrderSideEffects implements Pass {
    @Override
    public String name() {
        return "order-side-effects";
    }

    @Override
    public String summary() {
        return "lift calls out of expressions into temporaries, in the spec's evaluation order";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        return new Orderer(FreshNames.of(program)).program(program);
    }

    private static final class Orderer extends IrRewriter {
        private final FreshNames names;

        Orderer(FreshNames names) {
            this.names = names;
        }

        @Override
        public List<Stmt> stmt(Stmt s) {
            var l = new Lifter(names, frame());
            List<Stmt> main = switch (s) {
                case Stmt.Assign a -> assign(a, l);
                case Stmt.VarDecl v -> varDecl(v, l);
                case Stmt.CallStmt c -> {
                    Lifter.LiftedCall lc = l.call(c.call());
                    var out = new ArrayList<Stmt>();
                    out.add(new Stmt.CallStmt(lc.call(), c.span()));
                    out.addAll(lc.after());
                    yield out;
                }
                case Stmt.If i -> {
                    Expr c = isTableCondition(i.condition()) ? i.condition() : l.pure(i.condition());
                    yield List.of(new Stmt.If(c, nested(i.then()), i.otherwise().map(this::nested), i.span()));
                }
                case Stmt.Switch sw -> {
                    Expr subject = Exprs.appliedTable(sw.subject()).isPresent() ? sw.subject() : l.pure(sw.subject());
                    yield List.of(new Stmt.Switch(subject, map(sw.cases(), this::switchCase), sw.span()));
                }
                case Stmt.Return r -> List.of(new Stmt.Return(r.value().map(l::pure), r.span()));
                case Stmt.Block b -> List.of(block(b));
                case Stmt.Exit e -> List.of(e);
                case Stmt.Empty e -> List.of(e);
                case Stmt.For f -> List.of(stmtChildren(f));
                case Stmt.ForIn f -> List.of(new Stmt.ForIn(f.variable(), l.pure(f.collection()), nested(f.body()),
                        f.span()));
                case Stmt.ForRange f -> List.of(new Stmt.ForRange(f.variable(), l.pure(f.lo()), l.pure(f.hi()),
                        nested(f.body()), f.span()));
                case Stmt.Break b -> List.of(b);
                case Stmt.Continue c -> List.of(c);
            };
            if (l.before.isEmpty() && main.size() == 1 && main.getFirst().equals(s)) {
                return List.of(s);
            }
            var out = new ArrayList<>(l.before);
            out.addAll(main);
            return out;
        }

        /** {@code t.apply().hit} or {@code .miss}, possibly negated: kept as the condition of an {@code if}. */
        private static boolean isTableCondition(Expr c) {
            Expr e = c instanceof Expr.Unary u && u.op() == Expr.UnOp.NOT ? u.operand() : c;
            return Exprs.appliedTable(e).isPresent();
        }

        private List<Stmt> assign(Stmt.Assign a, Lifter l) {
            if (!Exprs.hasEffects(a.target()) && !Exprs.hasEffects(a.value())) {
                return List.of(a);
            }
            if (Exprs.appliedTable(a.value()).isPresent() && !Exprs.hasEffects(a.target())) {
                return List.of(a);
            }
            Expr target = Exprs.hasEffects(a.value()) && Lifter.hasRuntimeIndex(a.target()) ? l.lvalue(a.target())
                    : Exprs.hasEffects(a.target()) ? l.lvalue(a.target()) : a.target();
            if (a.value() instanceof Call c) {
                Lifter.LiftedCall lc = l.call(c);
                if (lc.after().isEmpty()) {
                    return List.of(new Stmt.Assign(target, lc.call(), a.span()));
                }
                Expr.Var t = l.temp(lc.call());
                var out = new ArrayList<>(lc.after());
                out.add(new Stmt.Assign(target, t, a.span()));
                return out;
            }
            return List.of(new Stmt.Assign(target, l.pure(a.value()), a.span()));
        }

        private List<Stmt> varDecl(Stmt.VarDecl v, Lifter l) {
            if (v.init().isEmpty() || !Exprs.hasEffects(v.init().get()) || Exprs.appliedTable(v.init().get()).isPresent()) {
                return List.of(v);
            }
            Expr init = v.init().get();
            if (init instanceof Call c) {
                Lifter.LiftedCall lc = l.call(c);
                var out = new ArrayList<Stmt>();
                out.add(new Stmt.VarDecl(v.name(), v.type(), Optional.of(lc.call()), v.annotations(), v.span()));
                out.addAll(lc.after());
                return out;
            }
            return List.of(new Stmt.VarDecl(v.name(), v.type(), Optional.of(l.pure(init)), v.annotations(), v.span()));
        }

        @Override
        public List<ParserState> parserState(ParserState s) {
            ParserState r = super.parserState(s).getFirst();
            if (!(r.transition() instanceof ParserState.Select sel)
                    || sel.keys().stream().noneMatch(Exprs::hasEffects)) {
                return List.of(r);
            }
            var l = new Lifter(names, Expr.Frame.CONTAINER);
            List<Expr> keys = l.inOrder(sel.keys());
            var body = new ArrayList<>(r.body());
            body.addAll(l.before);
            return List.of(new ParserState(r.name(), body, new ParserState.Select(keys, sel.cases(), sel.span()),
                    r.annotations(), r.span()));
        }

        @Override
        public Expr call(Call c) {
            return c;
        }
    }
}
