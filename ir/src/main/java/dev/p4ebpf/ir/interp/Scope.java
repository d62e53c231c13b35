package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.TypeSubst;
import java.util.Map;

/**
 * What the compiler knows where it compiles: the block instance (null for top-level functions
 * and actions), the type-variable bindings, and the slots of the container frame and of the
 * callable being compiled (null at block level).
 */
final class Scope {
    final BlockInstance block;
    final TypeSubst subst;
    final Map<String, Integer> container;
    final Map<String, Integer> callable;

    Scope(BlockInstance block, TypeSubst subst, Map<String, Integer> container, Map<String, Integer> callable) {
        this.block = block;
        this.subst = subst;
        this.container = container;
        this.callable = callable;
    }

    Type resolve(Type t) {
        return subst.isEmpty() ? t : subst.apply(t);
    }

    boolean inParser() {
        return block != null && block.isParser();
    }

    /** Whether a variable lives in the callable frame (else in the container frame). */
    boolean inCallable(Expr.Var v) {
        return callable != null && (v.frame() == Expr.Frame.CALLABLE || !container.containsKey(v.name()));
    }

    /** The slot of a variable, or -1 when the scope has none of that name. */
    int slot(Expr.Var v) {
        Integer i = inCallable(v) ? callable.get(v.name()) : container.get(v.name());
        return i == null ? -1 : i;
    }

    /** The slots local declarations go to: the callable's, else the block's. */
    Map<String, Integer> localSlots() {
        return callable != null ? callable : container;
    }
}
