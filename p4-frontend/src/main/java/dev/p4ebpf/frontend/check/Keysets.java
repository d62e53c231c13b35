package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.Declaration;
import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.KeySet;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keysets of select cases and table entries, checked against the types of the keys they match. */
final class Keysets {
    private final Checker ck;

    Keysets(Checker ck) {
        this.ck = ck;
    }

    /** A keyset for keys of types {@code keyTypes}: a tuple of them for several keys, a single one for one key. */
    KeySet keyset(Declaration.Keyset ks, List<Type> keyTypes, Ctx ctx, boolean valueSetsAllowed) {
        if (keyTypes.size() == 1) {
            return simple(ks, keyTypes.getFirst(), ctx, valueSetsAllowed);
        }
        if (ks instanceof Declaration.KeyDefault d) {
            return new KeySet.Default(d.span());
        }
        if (ks instanceof Declaration.KeyValue v && valueSet(v.value(), ctx).isPresent() && valueSetsAllowed) {
            return simple(ks, new Type.Tuple(keyTypes), ctx, true);
        }
        if (!(ks instanceof Declaration.KeyTuple t) || t.elements().size() != keyTypes.size()) {
            int given = ks instanceof Declaration.KeyTuple t ? t.elements().size() : 1;
            ck.diags.report(Code.TYPE_MISMATCH, ks.span(), "the keyset", keyTypes.size() + " key values",
                    given + " value(s)");
            return new KeySet.Default(ks.span());
        }
        var out = new ArrayList<KeySet>();
        for (int i = 0; i < keyTypes.size(); i++) {
            out.add(simple(t.elements().get(i), keyTypes.get(i), ctx, false));
        }
        return new KeySet.Tuple(out, ks.span());
    }

    private KeySet simple(Declaration.Keyset ks, Type key, Ctx ctx, boolean valueSetsAllowed) {
        return switch (ks) {
            case Declaration.KeyDefault d -> new KeySet.Default(d.span());
            case Declaration.KeyValue v -> {
                Optional<Symbol.ValueSetSym> vs = valueSet(v.value(), ctx);
                if (vs.isPresent()) {
                    if (!valueSetsAllowed) {
                        ck.diags.report(Code.NOT_ALLOWED_HERE, v.span(), "value set " + vs.get().name(),
                                "value sets are used in select cases");
                    } else if (!sameShape(vs.get().element(), key) && !(key instanceof Type.DontCare)) {
                        ck.diags.report(Code.TYPE_MISMATCH, v.span(), "value set " + vs.get().name(), ExprText.type(key),
                                ExprText.type(vs.get().element()));
                    }
                    yield new KeySet.ValueSetRef(vs.get().name(), v.span());
                }
                if (v.value() instanceof Expression.ListExpr l && l.elements().size() == 1 && !(key instanceof Type.Tuple)) {
                    yield simple(new Declaration.KeyValue(l.elements().getFirst(), v.span()), key, ctx, valueSetsAllowed);
                }
                if (v.value() instanceof Expression.ListExpr l && key instanceof Type.Tuple t) {
                    var tuple = new Declaration.KeyTuple(l.elements().stream()
                            .map(e -> (Declaration.Keyset) new Declaration.KeyValue(e, e.span())).toList(), l.span());
                    yield keyset(tuple, t.elements(), ctx, false);
                }
                yield new KeySet.Value(constant(v.value(), key, ctx), v.span());
            }
            case Declaration.KeyMask m -> new KeySet.Mask(constant(m.value(), key, ctx), constant(m.mask(), key, ctx),
                    m.span());
            case Declaration.KeyRange r -> new KeySet.Range(constant(r.lo(), key, ctx), constant(r.hi(), key, ctx),
                    r.span());
            case Declaration.KeyTuple t -> {
                ck.diags.report(Code.TYPE_MISMATCH, t.span(), "the keyset", "one key value", t.elements().size() + " values");
                yield new KeySet.Default(t.span());
            }
        };
    }

    /** A value set of a struct matches keys whose types are the struct's field types, in order. */
    private static boolean sameShape(Type element, Type key) {
        if (element.equals(key)) {
            return true;
        }
        List<Type> fields = element instanceof Type.Struct s ? s.fields().stream().map(Type.Field::type).toList() : null;
        if (fields == null) {
            return false;
        }
        if (key instanceof Type.Tuple t) {
            return fields.equals(t.elements());
        }
        return fields.size() == 1 && fields.getFirst().equals(key);
    }

    private Optional<Symbol.ValueSetSym> valueSet(Expression e, Ctx ctx) {
        if (e instanceof Expression.Name n) {
            return ctx.scope().lookupOne(n.name()).filter(Symbol.ValueSetSym.class::isInstance)
                    .map(Symbol.ValueSetSym.class::cast);
        }
        return Optional.empty();
    }

    private Expr constant(Expression e, Type key, Ctx ctx) {
        Expr v;
        if (key instanceof Type.SerEnum se) {
            // integers match serializable-enum keys by their values
            Expr raw = ck.exprs.check(e, ctx);
            v = raw.type() instanceof Type.InfInt || raw.type().equals(se.underlying())
                    ? ck.fold(new Expr.Cast(se, ck.conv.coerce(raw, se.underlying(), e.span(), "the keyset value"), e.span()))
                    : ck.conv.coerce(raw, key, e.span(), "the keyset value");
        } else {
            v = ck.exprs.checkAs(e, key, ctx, "the keyset value");
        }
        if (!Constants.isCompileTime(v, ctx) && !(v.type() instanceof Type.DontCare)) {
            ck.diags.report(Code.NOT_CONSTANT, e.span(), "a keyset value");
            return Conversions.poisoned(v);
        }
        return v;
    }
}
