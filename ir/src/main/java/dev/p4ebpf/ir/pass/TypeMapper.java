package dev.p4ebpf.ir.pass;

import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites types deeply: every type inside a type (fields, elements, type arguments, parameters)
 * is mapped first, then {@link #rewrite} sees the rebuilt type. Results are cached, since the same
 * types recur on every expression. Unchanged types come back as the same objects.
 */
public abstract class TypeMapper {
    private final Map<Type, Type> cache = new HashMap<>();

    /** The hook: the type with its parts already mapped; return it or a replacement. */
    protected abstract Type rewrite(Type t);

    public final Type map(Type t) {
        Type cached = cache.get(t);
        if (cached != null) {
            return cached;
        }
        Type r = rewrite(children(t));
        cache.put(t, r);
        return r;
    }

    public final List<Type> map(List<Type> ts) {
        return ExprRewriter.map(ts, this::map);
    }

    private List<Type.Field> fields(List<Type.Field> fs) {
        return ExprRewriter.map(fs, f -> {
            Type t = map(f.type());
            return t == f.type() ? f : new Type.Field(f.name(), t, f.annotations());
        });
    }

    public final List<Param> params(List<Param> ps) {
        return ExprRewriter.map(ps, p -> {
            Type t = map(p.type());
            return t == p.type() ? p : p.withType(t);
        });
    }

    private Type children(Type t) {
        return switch (t) {
            case Type.Struct s -> {
                var as = map(s.typeArgs());
                var fs = fields(s.fields());
                yield as == s.typeArgs() && fs == s.fields() ? s : new Type.Struct(s.name(), as, fs, s.annotations());
            }
            case Type.Header h -> {
                var as = map(h.typeArgs());
                var fs = fields(h.fields());
                yield as == h.typeArgs() && fs == h.fields() ? h : new Type.Header(h.name(), as, fs, h.annotations());
            }
            case Type.HeaderUnion u -> {
                var as = map(u.typeArgs());
                var fs = fields(u.fields());
                yield as == u.typeArgs() && fs == u.fields() ? u
                        : new Type.HeaderUnion(u.name(), as, fs, u.annotations());
            }
            case Type.Stack s -> {
                Type e = map(s.element());
                yield e == s.element() ? s : new Type.Stack(e, s.size());
            }
            case Type.Tuple tu -> {
                var es = map(tu.elements());
                yield es == tu.elements() ? tu : new Type.Tuple(es);
            }
            case Type.P4List l -> {
                Type e = map(l.element());
                yield e == l.element() ? l : new Type.P4List(e);
            }
            case Type.ListLiteral l -> {
                var es = map(l.elements());
                yield es == l.elements() ? l : new Type.ListLiteral(es);
            }
            case Type.StructLiteral s -> {
                var fs = fields(s.fields());
                yield fs == s.fields() ? s : new Type.StructLiteral(fs);
            }
            case Type.KeySet k -> {
                Type e = map(k.element());
                yield e == k.element() ? k : new Type.KeySet(e);
            }
            case Type.Extern e -> {
                var as = map(e.typeArgs());
                yield as == e.typeArgs() ? e : new Type.Extern(e.name(), as);
            }
            case Type.Block b -> {
                var as = map(b.typeArgs());
                var ps = params(b.applyParams());
                yield as == b.typeArgs() && ps == b.applyParams() ? b : new Type.Block(b.kind(), b.name(), as, ps);
            }
            case Type.Function f -> {
                var ps = params(f.params());
                Type r = map(f.returnType());
                yield ps == f.params() && r == f.returnType() ? f : new Type.Function(ps, r);
            }
            case Type.ValueSet v -> {
                Type e = map(v.element());
                yield e == v.element() ? v : new Type.ValueSet(e);
            }
            case Type.NewType n -> {
                Type u = map(n.underlying());
                yield u == n.underlying() ? n : new Type.NewType(n.name(), u, n.annotations());
            }
            case Type.Bits b -> b;
            case Type.Varbit v -> v;
            case Type.InfInt i -> i;
            case Type.Bool b -> b;
            case Type.Str s -> s;
            case Type.Void v -> v;
            case Type.Error e -> e;
            case Type.MatchKind m -> m;
            case Type.DontCare d -> d;
            case Type.Enum e -> e;
            case Type.SerEnum e -> e;
            case Type.TypeVar v -> v;
            case Type.Table tb -> tb;
            case Type.TableResult r -> r;
            case Type.ActionEnum a -> a;
        };
    }
}
