package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.Types;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.pass.StmtRewriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Header stack elements with a run-time index ({@code hdr.s[i]}): registers cannot be indexed, so
 * the code using the element is lowered once per position, each copy behind a comparison of the
 * index with that position (a read out of range gives zero, a write out of range does nothing).
 * Expressions that read such an element are dispatched as values; statements that write one, or
 * call a method on it, as statements.
 */
final class StackIndex {
    private final Lowering lo;

    StackIndex(Lowering lo) {
        this.lo = lo;
    }

    /** Code for one position of the stack. */
    @FunctionalInterface
    interface Position {
        void lower(int k) throws Unsupported;
    }

    /** The innermost element with a run-time index that {@code e} uses, if any. */
    static Optional<Expr.StackElement> find(Expr e) {
        var finder = new Finder();
        finder.expr(e);
        return Optional.ofNullable(finder.found);
    }

    /** As {@link #find(Expr)}, in the expressions of a simple statement. */
    static Optional<Expr.StackElement> find(Stmt s) {
        var finder = new Finder();
        finder.stmt(s);
        return Optional.ofNullable(finder.found);
    }

    /** {@code e} with {@code element} at position {@code k}. */
    static Expr at(Expr e, Expr.StackElement element, int k) {
        return new Substitution(element, k).expr(e);
    }

    /** {@code s} with {@code element} at position {@code k}. */
    static Stmt at(Stmt s, Expr.StackElement element, int k) {
        return StmtRewriter.single(new Substitution(element, k).stmt(s), s);
    }

    /** Evaluates the index once, then runs {@code body} for the position it names (none when out of range). */
    void dispatch(Expr.StackElement element, Position body, Span at) throws Unsupported {
        Gen g = lo.g;
        int size = ((Type.Stack) Types.representation(element.stack().type())).size();
        VReg index = lo.exprs.value(element.index());
        int join = g.block();
        for (int k = 0; k < size; k++) {
            int here = g.block();
            int next = g.block();
            g.branch(JmpOp.JEQ, index, Operand.imm(k), here, next, at);
            g.enter(here);
            body.lower(k);
            g.continueAt(join, at);
            g.enter(next);
        }
        g.jump(join, at);
        g.enter(join);
    }

    /** The value of a narrow scalar expression reading {@code element}: zero when the index is out of range. */
    VReg value(Expr e, Expr.StackElement element) throws Unsupported {
        VReg r = lo.g.reg("indexed");
        lo.g.set(r, Operand.imm(0), e.span());
        dispatch(element, k -> lo.g.set(r, lo.exprs.value(at(e, element, k)), e.span()), e.span());
        return r;
    }

    /** As {@link #value}, for any width. */
    Wide wide(Expr e, Expr.StackElement element) throws Unsupported {
        int w = Exprs.width(e);
        Wide r = lo.wide.ops().fresh(w, "indexed");
        lo.wide.ops().set(r, lo.wide.ops().constant(BigInteger.ZERO, w, e.span()), e.span());
        dispatch(element, k -> lo.wide.ops().set(r, lo.wide.of(at(e, element, k)), e.span()), e.span());
        return r;
    }

    private static final class Finder extends StmtRewriter {
        Expr.StackElement found;

        @Override
        public Expr expr(Expr e) {
            Expr out = super.expr(e);
            if (found == null && e instanceof Expr.StackElement s && !(s.index() instanceof Expr.IntLit)) {
                found = s;
            }
            return out;
        }

        @Override
        public List<Stmt> stmt(Stmt s) {
            // only the statement's own expressions: nested statements are dispatched on their own
            return switch (s) {
                case Stmt.Assign a -> {
                    expr(a.target());
                    expr(a.value());
                    yield List.of(s);
                }
                case Stmt.CallStmt c -> {
                    expr(c.call());
                    yield List.of(s);
                }
                case Stmt.VarDecl v -> {
                    v.init().ifPresent(this::expr);
                    yield List.of(s);
                }
                default -> List.of(s);
            };
        }
    }

    private static final class Substitution extends StmtRewriter {
        private final Expr.StackElement element;
        private final int k;

        Substitution(Expr.StackElement element, int k) {
            this.element = element;
            this.k = k;
        }

        @Override
        public Expr expr(Expr e) {
            if (e.equals(element)) {
                Expr.StackElement s = (Expr.StackElement) e;
                return new Expr.StackElement(s.stack(), new Expr.IntLit(BigInteger.valueOf(k), s.index().type(),
                        s.index().span()), s.type(), s.span());
            }
            return super.expr(e);
        }
    }
}
