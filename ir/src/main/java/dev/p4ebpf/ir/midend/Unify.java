package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Type;
import java.util.List;
import java.util.Map;

/**
 * Matches a type with type variables against a concrete one, binding the variables: what the
 * frontend leaves to the midend when a generic parser or control is passed to a package without
 * type arguments ({@code V1Switch(…, EmptyV(), …)}) and the package's parameter fixes them.
 */
final class Unify {
    private Unify() {}

    /** Binds the variables of {@code pattern} so that it becomes {@code concrete}; false where they cannot match. */
    static boolean bind(Type pattern, Type concrete, Map<String, Type> bindings) {
        if (pattern instanceof Type.TypeVar v) {
            Type known = bindings.putIfAbsent(v.name(), concrete);
            return known == null || known.equals(concrete);
        }
        if (pattern instanceof Type.Fielded p && concrete instanceof Type.Fielded c) {
            return p.name().equals(c.name()) && all(p.typeArgs(), c.typeArgs(), bindings);
        }
        if (pattern instanceof Type.Stack p && concrete instanceof Type.Stack c) {
            return p.size() == c.size() && bind(p.element(), c.element(), bindings);
        }
        if (pattern instanceof Type.Tuple p && concrete instanceof Type.Tuple c) {
            return all(p.elements(), c.elements(), bindings);
        }
        if (pattern instanceof Type.Extern p && concrete instanceof Type.Extern c) {
            return p.name().equals(c.name()) && all(p.typeArgs(), c.typeArgs(), bindings);
        }
        return pattern.equals(concrete);
    }

    static boolean params(List<Param> pattern, List<Param> concrete, Map<String, Type> bindings) {
        if (pattern.size() != concrete.size()) {
            return false;
        }
        for (int i = 0; i < pattern.size(); i++) {
            if (!bind(pattern.get(i).type(), concrete.get(i).type(), bindings)) {
                return false;
            }
        }
        return true;
    }

    private static boolean all(List<Type> ps, List<Type> cs, Map<String, Type> bindings) {
        if (ps.size() != cs.size()) {
            return false;
        }
        for (int i = 0; i < ps.size(); i++) {
            if (!bind(ps.get(i), cs.get(i), bindings)) {
                return false;
            }
        }
        return true;
    }
}
