package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.KeySet;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.pass.FreshNames;
import java.util.List;
import java.util.Map;

/**
 * Moves the code of a parser or control instance into the block that applies it: the instance's
 * container variables are bound (to hoisted variables or substituted arguments) or renamed, and its
 * local declarations — actions, tables, extern instances, value sets, states — take their new names
 * wherever they are referred to, types included ({@code t.apply()} has a type naming {@code t}).
 */
final class InstanceRenamer extends Renamer {
    private final Map<String, String> decls;
    private final Map<String, String> states;

    InstanceRenamer(FreshNames names, Map<String, Expr> bound, Map<String, String> decls, Map<String, String> states) {
        super(Expr.Frame.CONTAINER, Expr.Frame.CONTAINER, names, bound);
        this.decls = Map.copyOf(decls);
        this.states = Map.copyOf(states);
    }

    String declName(String name) {
        return decls.getOrDefault(name, name);
    }

    @Override
    public Type type(Type t) {
        return switch (t) {
            case Type.TableResult r -> decls.containsKey(r.table()) ? new Type.TableResult(declName(r.table())) : r;
            case Type.ActionEnum a -> decls.containsKey(a.table())
                    ? new Type.ActionEnum(declName(a.table()), a.actions().stream().map(this::declName).toList()) : a;
            case Type.Table tb -> decls.containsKey(tb.name()) ? new Type.Table(declName(tb.name())) : tb;
            default -> t;
        };
    }

    @Override
    public Expr expr(Expr e) {
        if (e instanceof Expr.InstanceRef r && !r.global() && decls.containsKey(r.name())) {
            return new Expr.InstanceRef(declName(r.name()), type(r.type()), false, r.span());
        }
        return super.expr(e);
    }

    @Override
    public Expr call(Call c) {
        Expr r = super.call(c);
        if (r instanceof Call.TableApply t && decls.containsKey(t.table())) {
            return new Call.TableApply(declName(t.table()), t.type(), t.span());
        }
        if (r instanceof Call.ActionCall a && !a.global() && decls.containsKey(a.action())) {
            return new Call.ActionCall(declName(a.action()), false, a.args(), a.span());
        }
        return r;
    }

    @Override
    public Stmt.Case switchCase(Stmt.Case c) {
        Stmt.Case r = super.switchCase(c);
        if (r.label() instanceof Stmt.ActionLabel a && decls.containsKey(a.action())) {
            return new Stmt.Case(new Stmt.ActionLabel(declName(a.action()), a.span()), r.body(), r.span());
        }
        return r;
    }

    @Override
    public Table.ActionRef actionRef(Table.ActionRef a) {
        Table.ActionRef r = super.actionRef(a);
        return r.global() || !decls.containsKey(r.action()) ? r
                : new Table.ActionRef(declName(r.action()), false, r.boundArgs(), r.controlPlaneParams(),
                        r.annotations(), r.span());
    }

    @Override
    public KeySet keySet(KeySet k) {
        if (k instanceof KeySet.ValueSetRef v && decls.containsKey(v.name())) {
            return new KeySet.ValueSetRef(declName(v.name()), v.span());
        }
        return super.keySet(k);
    }

    @Override
    public ParserState.Transition transition(ParserState.Transition t) {
        ParserState.Transition r = super.transition(t);
        return switch (r) {
            case ParserState.Goto g -> new ParserState.Goto(states.getOrDefault(g.state(), g.state()), g.span());
            case ParserState.Select s -> new ParserState.Select(s.keys(), s.cases().stream()
                    .map(c -> new ParserState.SelectCase(c.keySet(), states.getOrDefault(c.state(), c.state()), c.span()))
                    .toList(), s.span());
        };
    }

    /** The statements of a body, renamed; convenience for callers holding a list. */
    List<Stmt> statements(List<Stmt> ss) {
        return stmts(ss);
    }
}
