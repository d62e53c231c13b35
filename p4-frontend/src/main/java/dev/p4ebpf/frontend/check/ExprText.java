package dev.p4ebpf.frontend.check;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.print.ExprPrinter;

/** Types and expressions as messages show them. */
final class ExprText {
    private ExprText() {}

    static String type(Type t) {
        return switch (t) {
            case Type.DontCare d -> "an erroneous type";
            case Type.ListLiteral l -> "a list " + ExprPrinter.type(t).substring("tuple".length());
            case Type.StructLiteral s -> "a structure expression";
            default -> "'" + ExprPrinter.type(t) + "'";
        };
    }

    static String of(Expr e) {
        String s = ExprPrinter.expr(e);
        return "'" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "'";
    }
}
