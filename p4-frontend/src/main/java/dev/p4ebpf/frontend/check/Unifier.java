package dev.p4ebpf.frontend.check;

import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Type;
import java.util.List;
import java.util.Map;

/**
 * Type-argument inference: matches a type that mentions type variables against an actual type and
 * binds the variables. Only the variables in {@code free} may be bound; others must match exactly.
 */
final class Unifier {
    private final List<String> free;
    private final Map<String, Type> bindings;

    Unifier(List<String> free, Map<String, Type> bindings) {
        this.free = free;
        this.bindings = bindings;
    }

    void bind(String var, Type t) {
        bindings.put(var, t);
    }

    boolean isBound(String var) {
        return bindings.containsKey(var);
    }

    /** Whether {@code pattern} can be made equal to {@code actual} by binding free variables (recorded when so). */
    boolean unify(Type pattern, Type actual) {
        if (actual instanceof Type.DontCare || pattern instanceof Type.DontCare) {
            return true;
        }
        if (pattern instanceof Type.TypeVar v && free.contains(v.name())) {
            Type bound = bindings.get(v.name());
            if (bound == null) {
                if (actual instanceof Type.InfInt || mentionsInfInt(actual)) {
                    return false;
                }
                bindings.put(v.name(), literalType(actual));
                return true;
            }
            // an integer without a width takes the type the variable was bound to
            return bound.equals(actual) || bound instanceof Type.DontCare || actual instanceof Type.InfInt;
        }
        return switch (pattern) {
            case Type.Struct p when actual instanceof Type.Struct a -> p.name().equals(a.name()) && all(p.typeArgs(), a.typeArgs());
            case Type.Header p when actual instanceof Type.Header a -> p.name().equals(a.name()) && all(p.typeArgs(), a.typeArgs());
            case Type.HeaderUnion p when actual instanceof Type.HeaderUnion a -> p.name().equals(a.name())
                    && all(p.typeArgs(), a.typeArgs());
            case Type.Stack p when actual instanceof Type.Stack a -> p.size() == a.size() && unify(p.element(), a.element());
            case Type.Tuple p when actual instanceof Type.Tuple a -> all(p.elements(), a.elements());
            case Type.P4List p when actual instanceof Type.P4List a -> unify(p.element(), a.element());
            case Type.Extern p when actual instanceof Type.Extern a -> p.name().equals(a.name())
                    && (p.typeArgs().isEmpty() || a.typeArgs().isEmpty() || all(p.typeArgs(), a.typeArgs()));
            case Type.Block p when actual instanceof Type.Block a -> blocks(p, a);
            default -> pattern.equals(actual);
        };
    }

    private boolean all(List<Type> ps, List<Type> as) {
        if (ps.size() != as.size()) {
            return false;
        }
        for (int i = 0; i < ps.size(); i++) {
            if (!unify(ps.get(i), as.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A parser or control value fits a parser or control type when their apply parameters match. */
    private boolean blocks(Type.Block p, Type.Block a) {
        if (p.kind() != a.kind() || p.applyParams().size() != a.applyParams().size()) {
            return false;
        }
        for (int i = 0; i < p.applyParams().size(); i++) {
            Param pp = p.applyParams().get(i);
            Param ap = a.applyParams().get(i);
            if (pp.direction() != ap.direction() || !unify(pp.type(), ap.type())) {
                return false;
            }
        }
        return true;
    }

    private static boolean mentionsInfInt(Type t) {
        return switch (t) {
            case Type.InfInt i -> true;
            case Type.Tuple tu -> tu.elements().stream().anyMatch(Unifier::mentionsInfInt);
            case Type.StructLiteral s -> s.fields().stream().anyMatch(f -> mentionsInfInt(f.type()));
            default -> false;
        };
    }

    /** A list literal's type binds a variable as a tuple. */
    private static Type literalType(Type t) {
        return t instanceof Type.ListLiteral l ? new Type.Tuple(l.elements()) : t;
    }
}
