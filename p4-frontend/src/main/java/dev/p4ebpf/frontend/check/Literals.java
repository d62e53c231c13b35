package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * List expressions {@code {a, b}} and structure expressions {@code {f = a}}: typed by the context
 * (a struct, header, tuple, list or array), or, without one, given a tuple or structure-literal type
 * of their own. A trailing {@code ...} gives the remaining elements their default values.
 */
final class Literals {
    private final Checker ck;

    Literals(Checker ck) {
        this.ck = ck;
    }

    Expr naturalList(Expression.ListExpr l, Ctx ctx) {
        if (l.dots()) {
            return notTyped(l.span(), "'...'");
        }
        var elements = l.elements().stream().map(e -> ck.exprs.check(e, ctx)).toList();
        return new Expr.TupleValue(new Type.Tuple(elements.stream().map(Expr::type).toList()), elements, l.span());
    }

    Expr naturalStruct(Expression.StructExpr s, Ctx ctx) {
        if (s.dots()) {
            return notTyped(s.span(), "'...'");
        }
        var fields = new ArrayList<Type.Field>();
        var values = new ArrayList<Expr>();
        var seen = new HashSet<String>();
        for (var f : s.fields()) {
            if (!seen.add(f.name())) {
                ck.diags.report(Code.DUPLICATE, f.span(), "field " + f.name());
                continue;
            }
            Expr v = ck.exprs.check(f.value(), ctx);
            fields.add(new Type.Field(f.name(), v.type()));
            values.add(v);
        }
        return new Expr.StructValue(new Type.StructLiteral(fields), values, s.span());
    }

    private Expr notTyped(Span at, String what) {
        ck.diags.report(Code.NOT_ALLOWED_HERE, at, what, "the type of the expression must be known from its context");
        return Conversions.poisoned(new Expr.BoolLit(false, at));
    }

    Expr list(Expression.ListExpr l, Type expected, Ctx ctx, String what) {
        List<Type> targets = switch (expected) {
            case Type.Struct s -> s.fields().stream().map(Type.Field::type).toList();
            case Type.Header h -> h.fields().stream().map(Type.Field::type).toList();
            case Type.Tuple t -> t.elements();
            case Type.Stack s -> Collections.nCopies(s.size(), s.element());
            case Type.P4List p -> Collections.nCopies(l.elements().size(), p.element());
            default -> null;
        };
        if (targets == null) {
            if (expected instanceof Type.DontCare) {
                return Conversions.poisoned(naturalList(l, ctx));
            }
            return ck.conv.coerce(naturalList(l, ctx), expected, l.span(), what);
        }
        int given = l.elements().size();
        if (given > targets.size() || given < targets.size() && !l.dots()) {
            ck.diags.report(Code.TYPE_MISMATCH, l.span(), what, ExprText.type(expected),
                    "a list of " + given + " element(s) (" + targets.size() + " needed)");
            return Conversions.poisoned(naturalList(l, ctx));
        }
        var values = new ArrayList<Expr>();
        for (int i = 0; i < targets.size(); i++) {
            if (i < given) {
                values.add(ck.exprs.checkAs(l.elements().get(i), targets.get(i), ctx, "element " + (i + 1)));
            } else {
                values.add(defaultOf(targets.get(i), l.span()));
            }
        }
        return expected instanceof Type.Fielded ? new Expr.StructValue(expected, values, l.span())
                : new Expr.TupleValue(expected, values, l.span());
    }

    Expr struct(Expression.StructExpr s, Type expected, Ctx ctx, String what) {
        if (!(expected instanceof Type.Struct || expected instanceof Type.Header)) {
            if (expected instanceof Type.DontCare) {
                return Conversions.poisoned(naturalStruct(s, ctx));
            }
            return ck.conv.coerce(naturalStruct(s, ctx), expected, s.span(), what);
        }
        var fields = ((Type.Fielded) expected).fields();
        var values = new ArrayList<Expr>(Collections.nCopies(fields.size(), (Expr) null));
        boolean ok = true;
        for (var f : s.fields()) {
            int i = ((Type.Fielded) expected).fieldIndex(f.name());
            if (i < 0) {
                ck.diags.report(Code.NO_MEMBER, f.span(), ExprText.type(expected), f.name());
                ok = false;
            } else if (values.get(i) != null) {
                ck.diags.report(Code.DUPLICATE, f.span(), "field " + f.name());
                ok = false;
            } else {
                values.set(i, ck.exprs.checkAs(f.value(), fields.get(i).type(), ctx, "field " + f.name()));
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            if (values.get(i) == null) {
                if (!s.dots()) {
                    if (ok) {
                        ck.diags.report(Code.TYPE_MISMATCH, s.span(), what, ExprText.type(expected),
                                "a structure expression without field " + fields.get(i).name());
                    }
                    ok = false;
                    values.set(i, Conversions.poisoned(new Expr.BoolLit(false, s.span())));
                } else {
                    values.set(i, defaultOf(fields.get(i).type(), s.span()));
                }
            }
        }
        Expr v = new Expr.StructValue(expected, values, s.span());
        return ok ? v : Conversions.poisoned(v);
    }

    private Expr defaultOf(Type t, Span at) {
        Optional<Expr> v = ck.conv.defaultValue(t, at);
        if (v.isEmpty()) {
            ck.diags.report(Code.NOT_ALLOWED_HERE, at, "'...'", ExprText.type(t) + " has no default value");
            return Conversions.poisoned(new Expr.BoolLit(false, at));
        }
        return v.get();
    }
}
