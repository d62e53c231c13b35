package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that make every header inside a value invalid — what the spec does to an
 * {@code out} parameter on entry and to a variable declared without an initializer.
 */
final class Invalidation {
    private Invalidation() {}

    static List<Stmt> of(Expr lvalue) {
        var out = new ArrayList<Stmt>();
        add(lvalue, out);
        return out;
    }

    /** Whether values of this type contain headers (whose validity a declaration resets). */
    static boolean hasHeaders(Type t) {
        return switch (Types.rep(t)) {
            case Type.Header h -> true;
            case Type.HeaderUnion u -> true;
            case Type.Stack s -> true;
            case Type.Struct s -> s.fields().stream().anyMatch(f -> hasHeaders(f.type()));
            case Type.Tuple tu -> tu.elements().stream().anyMatch(Invalidation::hasHeaders);
            default -> false;
        };
    }

    private static void add(Expr lv, List<Stmt> out) {
        switch (Types.rep(lv.type())) {
            case Type.Header h -> out.add(setInvalid(lv));
            case Type.HeaderUnion u -> {
                for (Type.Field f : u.fields()) {
                    out.add(setInvalid(new Expr.Member(lv, f.name(), f.type(), lv.span())));
                }
            }
            case Type.Stack s -> {
                for (int i = 0; i < s.size(); i++) {
                    var index = new Expr.IntLit(BigInteger.valueOf(i), Type.Bits.unsigned(32), lv.span());
                    add(new Expr.StackElement(lv, index, s.element(), lv.span()), out);
                }
            }
            case Type.Struct s -> {
                for (Type.Field f : s.fields()) {
                    if (hasHeaders(f.type())) {
                        add(new Expr.Member(lv, f.name(), f.type(), lv.span()), out);
                    }
                }
            }
            default -> { }
        }
    }

    private static Stmt setInvalid(Expr header) {
        return new Stmt.CallStmt(new Call.BuiltinCall(header, Call.Builtin.SET_INVALID, List.of(), Type.VOID,
                header.span()), header.span());
    }
}
