package dev.p4ebpf.frontend.check;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.diag.Span;

/** A constant's value moved to where the constant is used, so that messages point at the use. */
final class Relocate {
    private Relocate() {}

    static Expr to(Expr value, Span at) {
        return switch (value) {
            case Expr.IntLit i -> new Expr.IntLit(i.value(), i.type(), at);
            case Expr.BoolLit b -> new Expr.BoolLit(b.value(), at);
            case Expr.StrLit s -> new Expr.StrLit(s.value(), at);
            case Expr.EnumLit e -> new Expr.EnumLit(e.type(), e.member(), at);
            case Expr.ErrorLit e -> new Expr.ErrorLit(e.member(), at);
            case Expr.Cast c -> new Expr.Cast(c.type(), c.operand(), at);
            case Expr.StructValue s -> new Expr.StructValue(s.type(), s.fields(), at);
            case Expr.TupleValue t -> new Expr.TupleValue(t.type(), t.elements(), at);
            case Expr.InvalidHeader h -> new Expr.InvalidHeader(h.type(), at);
            default -> value;
        };
    }
}
