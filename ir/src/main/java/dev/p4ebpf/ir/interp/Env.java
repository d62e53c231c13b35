package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.TypeSubst;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * What code being executed sees: the block instance it belongs to, the container frame (that
 * block's parameters and locals for this invocation), the callable frame of the action or
 * function being run, and the type-variable bindings of generic code (see {@link Expr.Frame}).
 */
final class Env {
    final BlockInstance block;
    final Map<String, Value> container;
    final Map<String, Value> callable;
    final TypeSubst subst;
    /** A function's {@code return} value, once executed. */
    Value returnValue;

    Env(BlockInstance block, Map<String, Value> container, Map<String, Value> callable, TypeSubst subst) {
        this.block = block;
        this.container = container;
        this.callable = callable;
        this.subst = subst;
    }

    /** The frame a variable reference names. */
    Map<String, Value> frame(Expr.Frame f) {
        return f == Expr.Frame.CALLABLE && callable != null ? callable : container;
    }

    /** A new environment for running an action or function: this block and container, a fresh callable frame. */
    Env forCallable(TypeSubst s) {
        return new Env(block, container, new HashMap<>(), s);
    }

    /** {@code t} with this environment's type variables replaced. */
    Type resolve(Type t) {
        return subst.isEmpty() ? t : subst.apply(t);
    }
}
