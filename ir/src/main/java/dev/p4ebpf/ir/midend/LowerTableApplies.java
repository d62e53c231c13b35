package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
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
 * Brings every table application into one of three shapes, which is all a backend has to emit:
 * {@code t.apply();}, {@code if (t.apply().hit) {…} else {…}} and a {@code switch
 * (t.apply().action_run)} that names every action of the table exactly once and has no
 * {@code default}. {@code miss} and negations become {@code hit} with the branches swapped;
 * {@code x = t.apply().hit} becomes an {@code if} assigning {@code true} or {@code false}; a
 * {@code default} case becomes the actions it stood for, and actions without a case get an empty
 * one. Runs after {@link OrderSideEffects}, which leaves table applications only in those places.
 */
public final class LowerTableApplies implements Pass {
    @Override
    public String name() {
        return "lower-table-applies";
    }

    @Override
    public String summary() {
        return "table applications only as t.apply();, if (t.apply().hit), or an exhaustive action_run switch";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        return new Lowering().program(program);
    }

    private static final class Lowering extends IrRewriter {
        private final Map<String, Decl.TableDecl> tables = new HashMap<>();

        @Override
        public Decl.ControlDecl control(Decl.ControlDecl c) {
            tables.clear();
            for (Decl d : c.locals()) {
                if (d instanceof Decl.TableDecl t) {
                    tables.put(t.name(), t);
                }
            }
            return super.control(c);
        }

        @Override
        public List<Stmt> stmt(Stmt s) {
            if (s instanceof Stmt.If i) {
                Optional<Condition> c = condition(i.condition());
                if (c.isPresent()) {
                    Stmt then = nested(i.then());
                    Optional<Stmt> otherwise = i.otherwise().map(this::nested);
                    return List.of(c.get().hit()
                            ? new Stmt.If(c.get().hitExpr(), then, otherwise, i.span())
                            : new Stmt.If(c.get().hitExpr(), otherwise.orElse(Stmt.Block.of(List.of(), i.span())),
                                    Optional.of(then), i.span()));
                }
            }
            if (s instanceof Stmt.VarDecl v && v.init().isPresent()) {
                Optional<Condition> c = condition(v.init().get());
                if (c.isPresent()) {
                    var x = new Expr.Var(v.name(), v.type(), frame(), v.span());
                    return List.of(new Stmt.VarDecl(v.name(), v.type(), Optional.empty(), v.annotations(), v.span()),
                            assignHit(x, c.get(), v.span()));
                }
            }
            if (s instanceof Stmt.Assign a) {
                Optional<Condition> c = condition(a.value());
                if (c.isPresent()) {
                    return List.of(assignHit(a.target(), c.get(), a.span()));
                }
            }
            if (s instanceof Stmt.Switch sw && Exprs.appliedTable(sw.subject()).isPresent()) {
                return List.of(actionRunSwitch(sw, Exprs.appliedTable(sw.subject()).get()));
            }
            return super.stmt(s);
        }

        /** A table result's {@code hit} or {@code miss}, possibly negated: whether it means "hit". */
        private record Condition(Expr hitExpr, boolean hit) {}

        private static Optional<Condition> condition(Expr e) {
            boolean negated = false;
            Expr x = e;
            while (x instanceof Expr.Unary u && u.op() == Expr.UnOp.NOT) {
                negated = !negated;
                x = u.operand();
            }
            if (!(x instanceof Expr.Member m) || !(m.base() instanceof Call.TableApply)) {
                return Optional.empty();
            }
            if (!m.field().equals("hit") && !m.field().equals("miss")) {
                return Optional.empty();
            }
            boolean hit = m.field().equals("hit") != negated;
            return Optional.of(new Condition(new Expr.Member(m.base(), "hit", Type.BOOL, m.span()), hit));
        }

        private static Stmt assignHit(Expr target, Condition c, Span at) {
            Stmt t = Stmt.Block.of(List.of(new Stmt.Assign(target, Exprs.bool(c.hit()), at)), at);
            Stmt f = Stmt.Block.of(List.of(new Stmt.Assign(target, Exprs.bool(!c.hit()), at)), at);
            return new Stmt.If(c.hitExpr(), t, Optional.of(f), at);
        }

        private Stmt actionRunSwitch(Stmt.Switch sw, Call.TableApply apply) {
            Decl.TableDecl table = tables.get(apply.table());
            if (table == null) {
                throw new IllegalStateException("switch on table " + apply.table() + " not declared in this control");
            }
            Set<String> named = new HashSet<>();
            for (Stmt.Case c : sw.cases()) {
                if (c.label() instanceof Stmt.ActionLabel a) {
                    named.add(a.action());
                }
            }
            var others = new ArrayList<String>();
            for (Table.ActionRef r : table.actions()) {
                if (!named.contains(r.action())) {
                    others.add(r.action());
                }
            }
            var cases = new ArrayList<Stmt.Case>();
            boolean sawDefault = false;
            for (Stmt.Case c : sw.cases()) {
                Optional<Stmt.Block> body = c.body().map(this::block);
                if (c.label() instanceof Stmt.DefaultLabel) {
                    sawDefault = true;
                    for (String a : others) {
                        cases.add(new Stmt.Case(new Stmt.ActionLabel(a, c.span()), Optional.empty(), c.span()));
                    }
                    if (body.isPresent()) {
                        attachBody(cases, body.get(), c.span());
                    }
                } else {
                    cases.add(new Stmt.Case(c.label(), body, c.span()));
                }
            }
            if (!sawDefault) {
                attachPendingToNothing(cases);
                for (String a : others) {
                    cases.add(new Stmt.Case(new Stmt.ActionLabel(a, sw.span()),
                            Optional.of(Stmt.Block.of(List.of(), sw.span())), sw.span()));
                }
            }
            attachPendingToNothing(cases);
            return new Stmt.Switch(sw.subject(), cases, sw.span());
        }

        /**
         * Gives the default's body to the labels that now stand in front of it: the last case, when it
         * has no body of its own. When the default stood for no action and no label falls into it, its
         * body can never run and is dropped.
         */
        private static void attachBody(List<Stmt.Case> cases, Stmt.Block body, Span at) {
            if (cases.isEmpty() || cases.getLast().body().isPresent()) {
                return;
            }
            Stmt.Case last = cases.removeLast();
            cases.add(new Stmt.Case(last.label(), Optional.of(body), last.span()));
        }

        /** Trailing bodiless labels (their body went with a default that stood for nothing) get an empty body. */
        private static void attachPendingToNothing(List<Stmt.Case> cases) {
            if (!cases.isEmpty() && cases.getLast().body().isEmpty()) {
                Stmt.Case last = cases.removeLast();
                cases.add(new Stmt.Case(last.label(), Optional.of(Stmt.Block.of(List.of(), last.span())), last.span()));
            }
        }
    }
}
