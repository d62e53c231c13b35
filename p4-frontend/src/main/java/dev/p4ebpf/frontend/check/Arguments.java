package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.TypeSubst;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds the arguments of a call to the callee's parameters: positional, then named; defaults and
 * {@code @optional} parameters filled in; the callee's type parameters taken from explicit type
 * arguments or inferred from the arguments; each argument converted to its parameter's type
 * ({@code in}) or checked to be a writable value of exactly that type ({@code out}, {@code inout}).
 */
final class Arguments {
    private final Checker ck;

    Arguments(Checker ck) {
        this.ck = ck;
    }

    /** The outcome: one argument per parameter, in parameter order, and the type-parameter bindings. */
    record Bound(List<Arg> args, TypeSubst subst, List<Type> typeArgs) {}

    /** The arity that {@code args} asks for, to choose among overloads. */
    static int count(List<Expression.Argument> args) {
        return args.size();
    }

    Bound bind(String callee, List<Param> params, List<String> typeParams, List<Type> explicit,
               List<Expression.Argument> args, Span at, Ctx ctx) {
        Map<String, Type> bindings = new HashMap<>();
        if (!explicit.isEmpty()) {
            if (explicit.size() != typeParams.size()) {
                ck.diags.report(Code.TYPE_ARGUMENTS, at, callee, typeParams.size(), explicit.size());
            }
            for (int i = 0; i < Math.min(explicit.size(), typeParams.size()); i++) {
                bindings.put(typeParams.get(i), explicit.get(i));
            }
        }
        Expression.Argument[] byParam = match(callee, params, args, at);
        Expr[] checked = new Expr[params.size()];
        List<String> free = typeParams.stream().filter(tp -> !bindings.containsKey(tp)).toList();
        if (!free.isEmpty()) {
            infer(callee, params, byParam, checked, new Unifier(free, bindings), free, ctx, at);
        }
        var subst = new TypeSubst(bindings);
        var bound = new ArrayList<Arg>();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i).withType(subst.apply(params.get(i).type()));
            bound.add(argument(callee, p, byParam[i], checked[i], subst, at, ctx));
        }
        List<Type> typeArgs = typeParams.stream().map(tp -> bindings.getOrDefault(tp, Type.DONT_CARE)).toList();
        return new Bound(bound, subst, typeArgs);
    }

    private Expression.Argument[] match(String callee, List<Param> params, List<Expression.Argument> args, Span at) {
        var byParam = new Expression.Argument[params.size()];
        int positional = 0;
        int before = ck.diags.errorCount();
        for (Expression.Argument a : args) {
            if (a.name().isEmpty()) {
                if (positional >= params.size()) {
                    ck.diags.report(Code.ARGUMENT_COUNT, a.span(), callee, params.size(), args.size());
                    return byParam;
                }
                byParam[positional++] = a;
                continue;
            }
            int i = indexOf(params, a.name().get());
            if (i < 0) {
                ck.diags.report(Code.BAD_ARGUMENT, a.span(), callee, "it has no parameter named " + a.name().get());
            } else if (byParam[i] != null) {
                ck.diags.report(Code.BAD_ARGUMENT, a.span(), callee, "parameter " + a.name().get() + " is given twice");
            } else {
                byParam[i] = a;
            }
        }
        int required = (int) params.stream().filter(p -> !p.optional() && p.defaultValue().isEmpty()).count();
        for (int i = 0; i < params.size() && ck.diags.errorCount() == before; i++) {
            Param p = params.get(i);
            if (byParam[i] == null && !p.optional() && p.defaultValue().isEmpty()) {
                ck.diags.report(Code.ARGUMENT_COUNT, at, callee,
                        required == params.size() ? Integer.toString(required) : required + " to " + params.size(),
                        args.size());
                break;
            }
        }
        return byParam;
    }

    private static int indexOf(List<Param> params, String name) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Checks the arguments whose parameters mention free type variables, binding the variables. */
    private void infer(String callee, List<Param> params, Expression.Argument[] byParam, Expr[] checked, Unifier u,
                       List<String> free, Ctx ctx, Span at) {
        var failed = new LinkedHashSet<String>();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (byParam[i] == null || !mentions(p.type(), free) || byParam[i].value() instanceof Expression.DontCare) {
                continue;
            }
            Expr v = p.direction().copiesOut()
                    ? ck.exprs.lvalue(byParam[i].value(), ctx, "argument " + p.name())
                    : ck.exprs.check(byParam[i].value(), ctx);
            checked[i] = v;
            if (!u.unify(p.type(), v.type())) {
                failed.add(p.name());
            }
        }
        for (int i = 0; i < params.size(); i++) {
            if (checked[i] != null && failed.contains(params.get(i).name())) {
                String why = checked[i].type() instanceof Type.InfInt || checked[i].type() instanceof Type.Tuple
                        ? "an integer without a width does not say which type to use; give it a width or cast it"
                        : "argument of type " + ExprText.type(checked[i].type()) + " does not fit "
                                + ExprText.type(params.get(i).type());
                ck.diags.report(Code.CANNOT_INFER, byParam[i].span(), "the type arguments of " + callee, why);
                checked[i] = Conversions.poisoned(checked[i]);
            }
        }
        for (String tp : free) {
            if (!u.isBound(tp)) {
                if (failed.isEmpty()) {
                    ck.diags.report(Code.CANNOT_INFER, at, "type parameter " + tp + " of " + callee,
                            "no argument determines it; give the type arguments explicitly, e.g. "
                                    + callee + "<bit<8>>(...)");
                }
                u.bind(tp, Type.DONT_CARE);
            }
        }
    }

    /** A default value written in terms of the callee's type parameters, with the call's type arguments put in. */
    private static Expr specialize(Expr e, TypeSubst subst) {
        if (subst.isEmpty()) {
            return e;
        }
        return switch (e) {
            case dev.p4ebpf.ir.Call.ConstructorCall k -> new dev.p4ebpf.ir.Call.ConstructorCall(subst.apply(k.type()),
                    k.args().stream().map(x -> new Arg(x.param().withType(subst.apply(x.param().type())),
                            x.value().map(v -> specialize(v, subst)))).toList(), k.span());
            case Expr.Cast c -> new Expr.Cast(subst.apply(c.type()), specialize(c.operand(), subst), c.span());
            case Expr.InvalidHeader h -> new Expr.InvalidHeader(subst.apply(h.type()), h.span());
            default -> e;
        };
    }

    static boolean mentions(Type t, List<String> vars) {
        return switch (t) {
            case Type.TypeVar v -> vars.contains(v.name());
            case Type.Fielded f -> f.typeArgs().stream().anyMatch(a -> mentions(a, vars))
                    || f.fields().stream().anyMatch(fd -> mentions(fd.type(), vars));
            case Type.Stack s -> mentions(s.element(), vars);
            case Type.Tuple tu -> tu.elements().stream().anyMatch(e -> mentions(e, vars));
            case Type.P4List l -> mentions(l.element(), vars);
            case Type.Extern e -> e.typeArgs().stream().anyMatch(a -> mentions(a, vars));
            case Type.Block b -> b.typeArgs().stream().anyMatch(a -> mentions(a, vars))
                    || b.applyParams().stream().anyMatch(p -> mentions(p.type(), vars));
            default -> false;
        };
    }

    private Arg argument(String callee, Param p, Expression.Argument a, Expr checked, TypeSubst subst, Span at,
                         Ctx ctx) {
        if (a == null) {
            if (p.defaultValue().isPresent()) {
                return Arg.of(p, Relocate.to(specialize(p.defaultValue().get(), subst), at));
            }
            return new Arg(p, Optional.empty());
        }
        String what = "argument " + p.name() + " of " + callee;
        if (a.value() instanceof Expression.DontCare) {
            if (p.direction() == Direction.OUT) {
                return Arg.of(p, new Expr.DontCareArg(p.type(), a.span()));
            }
            ck.diags.report(Code.BAD_ARGUMENT, a.span(), what, "'_' can only be passed for an out parameter");
            return Arg.of(p, Conversions.poisoned(new Expr.DontCareArg(p.type(), a.span())));
        }
        if (p.direction().copiesOut()) {
            Expr v = checked != null ? checked : ck.exprs.lvalue(a.value(), ctx, what);
            if (!v.type().equals(p.type()) && !(v.type() instanceof Type.DontCare) && !(p.type() instanceof Type.DontCare)) {
                ck.diags.report(Code.TYPE_MISMATCH, a.value().span(), what + " (" + p.direction().keyword()
                        + " parameter: types must be equal)", ExprText.type(p.type()), ExprText.type(v.type()));
                v = Conversions.poisoned(v);
            }
            return Arg.of(p, v);
        }
        Expr v = checked != null ? ck.conv.coerce(checked, p.type(), a.value().span(), what)
                : ck.exprs.checkAs(a.value(), p.type(), ctx, what);
        return Arg.of(p, v);
    }
}
