package dev.p4ebpf.frontend.check;

import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import java.util.Optional;

/** Which expressions may be written: the targets of assignments and the out/inout arguments. */
final class Lvalues {
    private Lvalues() {}

    /** Why {@code e} cannot be written, or empty when it can. */
    static Optional<String> why(Expr e, Ctx ctx) {
        return switch (e) {
            case Expr.Var v -> variable(v, ctx);
            case Expr.Member m -> m.base().type() instanceof Type.TableResult
                    ? Optional.of("it is a result of a table lookup") : why(m.base(), ctx);
            case Expr.StackElement s -> why(s.stack(), ctx);
            case Expr.StackProperty s -> s.property() == Expr.StackProp.LAST_INDEX
                    ? Optional.of("lastIndex is computed") : why(s.stack(), ctx);
            case Expr.Slice s -> why(s.operand(), ctx);
            case Expr.DynSlice s -> why(s.operand(), ctx);
            case Expr.TupleElement t -> why(t.tuple(), ctx);
            case Expr.DontCareArg d -> Optional.empty();
            case Expr.Cast c when c.type() instanceof Type.DontCare -> Optional.empty();
            case Expr.IntLit i -> Optional.of("it is a constant");
            case Expr.BoolLit b -> Optional.of("it is a constant");
            default -> Optional.of("it is not a variable, field or element");
        };
    }

    private static Optional<String> variable(Expr.Var v, Ctx ctx) {
        return ctx.frame().find(v).flatMap(sym -> {
            if (sym.compileTime()) {
                return Optional.of("it is a constructor parameter, fixed when the block is instantiated");
            }
            if (sym.isParam() && sym.direction() == Direction.IN) {
                return Optional.of("it is an 'in' parameter");
            }
            if (sym.isParam() && sym.direction() == Direction.NONE) {
                return Optional.of("it is a parameter without a direction (its value comes from the control plane"
                        + " or the caller)");
            }
            return Optional.empty();
        });
    }
}
