package dev.p4ebpf.ir;

import java.util.List;
import java.util.Map;

/**
 * Replaces type variables by types, everywhere inside a type: the specialization of generic
 * declarations and the instantiation of generic signatures at a call.
 */
public final class TypeSubst {
    private final Map<String, Type> bindings;

    public TypeSubst(Map<String, Type> bindings) {
        this.bindings = Map.copyOf(bindings);
    }

    public static TypeSubst of(List<String> params, List<Type> args) {
        if (params.size() != args.size()) {
            throw new IllegalArgumentException(params.size() + " type parameters, " + args.size() + " arguments");
        }
        var m = new java.util.HashMap<String, Type>();
        for (int i = 0; i < params.size(); i++) {
            m.put(params.get(i), args.get(i));
        }
        return new TypeSubst(m);
    }

    public boolean isEmpty() {
        return bindings.isEmpty();
    }

    public Map<String, Type> bindings() {
        return bindings;
    }

    public Type apply(Type t) {
        if (bindings.isEmpty()) {
            return t;
        }
        return switch (t) {
            case Type.TypeVar v -> bindings.getOrDefault(v.name(), v);
            case Type.Struct s -> new Type.Struct(s.name(), types(s.typeArgs()), fields(s.fields()), s.annotations());
            case Type.Header h -> new Type.Header(h.name(), types(h.typeArgs()), fields(h.fields()), h.annotations());
            case Type.HeaderUnion u -> new Type.HeaderUnion(u.name(), types(u.typeArgs()), fields(u.fields()),
                    u.annotations());
            case Type.Stack s -> new Type.Stack(apply(s.element()), s.size());
            case Type.Tuple tu -> new Type.Tuple(types(tu.elements()));
            case Type.P4List l -> new Type.P4List(apply(l.element()));
            case Type.ListLiteral l -> new Type.ListLiteral(types(l.elements()));
            case Type.StructLiteral s -> new Type.StructLiteral(fields(s.fields()));
            case Type.KeySet k -> new Type.KeySet(apply(k.element()));
            case Type.Extern e -> new Type.Extern(e.name(), types(e.typeArgs()));
            case Type.Block b -> new Type.Block(b.kind(), b.name(), types(b.typeArgs()), params(b.applyParams()));
            case Type.Function f -> new Type.Function(params(f.params()), apply(f.returnType()));
            case Type.ValueSet v -> new Type.ValueSet(apply(v.element()));
            case Type.NewType n -> new Type.NewType(n.name(), apply(n.underlying()), n.annotations());
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
            case Type.Table tb -> tb;
            case Type.TableResult r -> r;
            case Type.ActionEnum a -> a;
        };
    }

    public List<Type> types(List<Type> ts) {
        return ts.stream().map(this::apply).toList();
    }

    private List<Type.Field> fields(List<Type.Field> fs) {
        return fs.stream().map(f -> new Type.Field(f.name(), apply(f.type()), f.annotations())).toList();
    }

    public List<Param> params(List<Param> ps) {
        return ps.stream().map(p -> p.withType(apply(p.type()))).toList();
    }

    public Method apply(Method m) {
        return new Method(m.name(), m.typeParams(), params(m.params()), apply(m.returnType()), m.isAbstract(),
                m.annotations(), m.span());
    }

    /** Whether {@code t} mentions any type variable. */
    public static boolean isGeneric(Type t) {
        return switch (t) {
            case Type.TypeVar v -> true;
            case Type.Fielded f -> f.typeArgs().stream().anyMatch(TypeSubst::isGeneric)
                    || f.fields().stream().anyMatch(x -> isGeneric(x.type()));
            case Type.Stack s -> isGeneric(s.element());
            case Type.Tuple tu -> tu.elements().stream().anyMatch(TypeSubst::isGeneric);
            case Type.P4List l -> isGeneric(l.element());
            case Type.ListLiteral l -> l.elements().stream().anyMatch(TypeSubst::isGeneric);
            case Type.StructLiteral s -> s.fields().stream().anyMatch(x -> isGeneric(x.type()));
            case Type.KeySet k -> isGeneric(k.element());
            case Type.Extern e -> e.typeArgs().stream().anyMatch(TypeSubst::isGeneric);
            case Type.Block b -> b.typeArgs().stream().anyMatch(TypeSubst::isGeneric)
                    || b.applyParams().stream().anyMatch(p -> isGeneric(p.type()));
            case Type.Function f -> isGeneric(f.returnType()) || f.params().stream().anyMatch(p -> isGeneric(p.type()));
            case Type.ValueSet v -> isGeneric(v.element());
            case Type.NewType n -> isGeneric(n.underlying());
            case Type.Bits b -> false;
            case Type.Varbit v -> false;
            case Type.InfInt i -> false;
            case Type.Bool b -> false;
            case Type.Str s -> false;
            case Type.Void v -> false;
            case Type.Error e -> false;
            case Type.MatchKind m -> false;
            case Type.DontCare d -> false;
            case Type.Enum e -> false;
            case Type.SerEnum e -> false;
            case Type.Table tb -> false;
            case Type.TableResult r -> false;
            case Type.ActionEnum a -> false;
        };
    }
}
