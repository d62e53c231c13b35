package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.print.ExprPrinter;

/**
 * The control-plane name of a table key without an {@code @name}: the key expression as p4c
 * names it, which is how it was written: {@code hdr.ipv4.dstAddr}, {@code hdrs.extra[0].h},
 * {@code h.h.isValid()}, {@code meta.x[15:0]}. Constant indices print as plain numbers; other
 * expressions as the P4 printer prints them.
 */
final class KeyNames {
    private KeyNames() {}

    static String of(Expr e) {
        return switch (e) {
            case Expr.Var v -> v.name();
            case Expr.Member m -> of(m.base()) + "." + m.field();
            case Expr.StackElement s when s.index() instanceof Expr.IntLit i -> of(s.stack()) + "[" + i.value() + "]";
            case Expr.StackProperty s -> of(s.stack()) + "." + s.property().member();
            case Expr.Slice s -> of(s.operand()) + "[" + s.hi() + ":" + s.lo() + "]";
            case Call.BuiltinCall b when b.builtin() == Call.Builtin.IS_VALID -> of(b.target()) + ".isValid()";
            default -> ExprPrinter.expr(e);
        };
    }
}
