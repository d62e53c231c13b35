package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.pass.IrRewriter;
import java.util.ArrayList;
import java.util.List;

/** The l-values a piece of code writes: assignment targets and {@code out}/{@code inout} arguments. */
final class Writes {
    private Writes() {}

    static List<Expr> of(Stmt.Block body) {
        var c = new Collector();
        c.block(body);
        return c.written;
    }

    static List<Expr> of(List<Stmt> body) {
        var c = new Collector();
        c.stmts(body);
        return c.written;
    }

    /**
     * Adds the l-values the calls in {@code e} write to {@code written}; true when {@code e} applies a
     * table (whose actions may write anything in the control).
     */
    static boolean inExpr(Expr e, List<Expr> written) {
        var c = new Collector();
        c.expr(e);
        written.addAll(c.written);
        return c.appliesTable;
    }

    /** Whether code writing {@code written} may change what {@code e} reads. */
    static boolean affects(List<Expr> written, Expr e) {
        for (Expr w : written) {
            if (Paths.of(w).isPresent() && Exprs.root(w).isPresent()) {
                Expr.Var r = Exprs.root(w).get();
                if (Paths.mentions(e, r.name(), r.frame())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final class Collector extends IrRewriter {
        final List<Expr> written = new ArrayList<>();
        boolean appliesTable;

        @Override
        public List<Stmt> stmt(Stmt s) {
            if (s instanceof Stmt.Assign a) {
                written.add(a.target());
            }
            return super.stmt(s);
        }

        @Override
        public Expr call(Call c) {
            for (Arg a : c.args()) {
                if (a.param().direction().copiesOut() && a.value().isPresent()) {
                    written.add(a.value().get());
                }
            }
            if (c instanceof Call.TableApply || c instanceof Call.ApplyCall || c instanceof Call.ActionCall) {
                appliesTable = true;
            }
            if (c instanceof Call.BuiltinCall b && b.builtin() != Call.Builtin.IS_VALID) {
                written.add(b.target());
            }
            return super.call(c);
        }
    }
}
