package dev.p4ebpf.ir.pass;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/** Small typed IR programs built by hand, for tests that do not go through the frontend. */
final class TestIr {
    private TestIr() {}

    static final Type.Bits B8 = Type.Bits.unsigned(8);

    static Expr.Var var(String name) {
        return new Expr.Var(name, B8, Expr.Frame.CONTAINER, Span.NONE);
    }

    static Expr.IntLit lit(long v) {
        return Expr.IntLit.of(v, B8);
    }

    static Expr add(Expr a, Expr b) {
        return new Expr.Binary(Expr.BinOp.ADD, a, b, B8, Span.NONE);
    }

    static Stmt assign(Expr t, Expr v) {
        return new Stmt.Assign(t, v, Span.NONE);
    }

    /** {@code control c(inout bit<8> x) { apply { body } }}. */
    static Program control(List<Stmt> body) {
        var x = new Param(Direction.INOUT, B8, "x");
        var c = new Decl.ControlDecl("c", List.of(), List.of(x), List.of(), List.of(
                new Decl.VarDecl("y", B8, Optional.empty(), List.of(), Span.NONE)),
                Stmt.Block.of(body, Span.NONE), List.of(), Span.NONE);
        return new Program(List.of(c));
    }
}
