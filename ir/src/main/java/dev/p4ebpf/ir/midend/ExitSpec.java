package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Stmt;
import java.util.List;
import java.util.Set;

/**
 * {@code exit} as a terminator for {@link Terminations}: it becomes the flag being set, and the
 * table applications of the tables in {@code exitingTables} (those with an action that may exit)
 * count as possible exits.
 */
record ExitSpec(Set<String> exitingTables) implements Terminations.Spec {

    /** Only {@code exit} statements themselves: for code that applies no tables (action bodies). */
    static final ExitSpec DIRECT = new ExitSpec(Set.of());

    @Override
    public boolean isTerminator(Stmt s) {
        return s instanceof Stmt.Exit;
    }

    @Override
    public List<Stmt> replacement(Stmt terminator) {
        return List.of();
    }

    @Override
    public boolean tableMayTerminate(Stmt s) {
        Expr applied = switch (s) {
            case Stmt.CallStmt c -> c.call();
            case Stmt.If i -> i.condition() instanceof Expr.Member m ? m.base() : i.condition();
            case Stmt.Switch sw -> sw.subject() instanceof Expr.Member m ? m.base() : sw.subject();
            default -> null;
        };
        return applied instanceof Call.TableApply t && exitingTables.contains(t.table());
    }
}
