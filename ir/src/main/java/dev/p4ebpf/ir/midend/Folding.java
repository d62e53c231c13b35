package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.fold.Folder;
import dev.p4ebpf.ir.pass.IrRewriter;

/**
 * Folds expressions bottom-up with the frontend's {@link Folder}, so that a pass that puts literals
 * where variables were leaves the program as the frontend would have folded it (a slice
 * {@code e[lo +: w]} with a literal {@code lo} becomes {@code e[hi:lo]}, as the frontend makes it). Operations the
 * folder refuses (a division by zero) stay as they are: in code reached at run time they are the
 * target's business, not a compile-time error.
 */
class Folding extends IrRewriter {
    private final Folder folder = new Folder(new Diagnostics());

    @Override
    public Expr expr(Expr e) {
        Expr r = folder.fold(super.expr(e));
        if (r instanceof Expr.DynSlice d && d.lo() instanceof Expr.IntLit lo
                && d.operand().type() instanceof dev.p4ebpf.ir.Type.Bits b
                && lo.value().signum() >= 0 && lo.value().intValue() + d.width() <= b.width()) {
            int l = lo.value().intValue();
            return folder.fold(new Expr.Slice(d.operand(), l + d.width() - 1, l, d.type(), d.span()));
        }
        return r;
    }

    /** {@code e} folded bottom-up. */
    static Expr fold(Expr e) {
        return new Folding().expr(e);
    }
}
