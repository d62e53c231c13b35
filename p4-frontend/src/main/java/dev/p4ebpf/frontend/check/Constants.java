package dev.p4ebpf.frontend.check;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;

/** Which expressions are compile-time values (after folding). */
final class Constants {
    private Constants() {}

    static boolean isCompileTime(Expr e, Ctx ctx) {
        return switch (e) {
            case Expr.IntLit i -> true;
            case Expr.BoolLit b -> true;
            case Expr.StrLit s -> true;
            case Expr.ErrorLit er -> true;
            case Expr.EnumLit en -> true;
            case Expr.MatchKindLit m -> true;
            case Expr.InvalidHeader h -> true;
            case Expr.InstanceRef r -> true;
            case Expr.Var v -> ctx.frame() != null && ctx.frame().find(v).map(Symbol.VarSym::compileTime).orElse(false);
            case Expr.Cast c -> isCompileTime(c.operand(), ctx);
            case Expr.StructValue s -> s.fields().stream().allMatch(x -> isCompileTime(x, ctx));
            case Expr.TupleValue t -> t.elements().stream().allMatch(x -> isCompileTime(x, ctx));
            case Call.ConstructorCall k -> k.args().stream().allMatch(a -> a.value().map(x -> isCompileTime(x, ctx)).orElse(true));
            default -> false;
        };
    }
}
