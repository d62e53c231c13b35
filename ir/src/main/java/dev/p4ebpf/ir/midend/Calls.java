package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rebuilding calls with other arguments. */
final class Calls {
    private Calls() {}

    /** {@code c} with {@code args} (one per parameter, as before) in place of its arguments. */
    static Call withArgs(Call c, List<Arg> args) {
        return switch (c) {
            case Call.ActionCall a -> new Call.ActionCall(a.action(), a.global(), args, a.span());
            case Call.FunctionCall f -> new Call.FunctionCall(f.function(), f.typeArgs(), args, f.type(), f.span());
            case Call.ExternFunctionCall f -> new Call.ExternFunctionCall(f.method(), f.typeArgs(), args, f.type(),
                    f.span());
            case Call.MethodCall m -> new Call.MethodCall(m.target(), m.method(), m.typeArgs(), args, m.type(), m.span());
            case Call.BuiltinCall b -> new Call.BuiltinCall(b.target(), b.builtin(), args, b.type(), b.span());
            case Call.TableApply t -> t;
            case Call.ApplyCall a -> new Call.ApplyCall(a.instance(), args, a.span());
            case Call.ConstructorCall k -> new Call.ConstructorCall(k.type(), args, k.span());
        };
    }

    /** {@code c} with its target (if it has one) and argument values replaced, in {@link Exprs#children} order. */
    static Call withChildren(Call c, List<Expr> cs) {
        int i = 0;
        Call withTarget = switch (c) {
            case Call.MethodCall m -> new Call.MethodCall(cs.get(i++), m.method(), m.typeArgs(), m.args(), m.type(),
                    m.span());
            case Call.BuiltinCall b -> new Call.BuiltinCall(cs.get(i++), b.builtin(), b.args(), b.type(), b.span());
            case Call.ApplyCall a -> new Call.ApplyCall(cs.get(i++), a.args(), a.span());
            case Call.ActionCall a -> a;
            case Call.FunctionCall f -> f;
            case Call.ExternFunctionCall f -> f;
            case Call.TableApply t -> t;
            case Call.ConstructorCall k -> k;
        };
        var args = new ArrayList<Arg>();
        for (Arg a : c.args()) {
            args.add(a.value().isPresent() ? new Arg(a.param(), Optional.of(cs.get(i++))) : a);
        }
        return withArgs(withTarget, args);
    }
}
