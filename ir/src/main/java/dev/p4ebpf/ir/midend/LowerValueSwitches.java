package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.pass.FreshNames;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@code switch} on a value (an integer, enum or error) into an {@code if}/{@code else if}
 * chain comparing the subject, evaluated once into a temporary unless it is a variable, with each
 * group of labels that share a body; the {@code default} group becomes the final {@code else}.
 * Switches on {@code action_run} stay (see {@link LowerTableApplies}).
 */
public final class LowerValueSwitches implements Pass {
    @Override
    public String name() {
        return "lower-value-switches";
    }

    @Override
    public String summary() {
        return "turn switch on a value into an if/else-if chain";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var names = FreshNames.of(program);
        return new IrRewriter() {
            @Override
            public List<Stmt> stmt(Stmt s) {
                List<Stmt> r = super.stmt(s);
                if (r.size() == 1 && r.getFirst() instanceof Stmt.Switch sw
                        && Exprs.appliedTable(sw.subject()).isEmpty()) {
                    return lower(sw, names, frame());
                }
                return r;
            }
        }.program(program);
    }

    /** A body and the labels that lead to it. */
    private record Group(List<Expr> values, boolean isDefault, Stmt.Block body) {}

    private static List<Stmt> lower(Stmt.Switch sw, FreshNames names, Expr.Frame frame) {
        var out = new ArrayList<Stmt>();
        Expr subject = sw.subject();
        if (!(subject instanceof Expr.Var) && !Exprs.isLiteral(subject)) {
            String t = names.fresh("switch_subject");
            out.add(new Stmt.VarDecl(t, subject.type(), Optional.of(subject), List.of(), sw.span()));
            subject = new Expr.Var(t, subject.type(), frame, sw.span());
        }
        var groups = new ArrayList<Group>();
        var values = new ArrayList<Expr>();
        boolean isDefault = false;
        for (Stmt.Case c : sw.cases()) {
            switch (c.label()) {
                case Stmt.ValueLabel v -> values.add(v.value());
                case Stmt.DefaultLabel d -> isDefault = true;
                case Stmt.ActionLabel a -> throw new IllegalStateException("action label in a switch on a value");
            }
            if (c.body().isPresent()) {
                groups.add(new Group(List.copyOf(values), isDefault, c.body().get()));
                values.clear();
                isDefault = false;
            }
        }
        Optional<Stmt> chain = Optional.empty();
        Optional<Group> fallback = groups.stream().filter(Group::isDefault).findFirst();
        if (fallback.isPresent()) {
            chain = Optional.of(fallback.get().body());
        }
        for (int i = groups.size() - 1; i >= 0; i--) {
            Group g = groups.get(i);
            if (g.isDefault() || g.values().isEmpty()) {
                continue;
            }
            Expr cond = null;
            for (Expr v : g.values()) {
                Expr eq = new Expr.Binary(Expr.BinOp.EQ, subject, v, Type.BOOL, v.span());
                cond = cond == null ? eq : new Expr.Binary(Expr.BinOp.LOR, cond, eq, Type.BOOL, v.span());
            }
            chain = Optional.of(new Stmt.If(Folding.fold(cond), g.body(), chain, sw.span()));
        }
        chain.ifPresent(out::add);
        return out;
    }
}
