package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ir.Expr;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The storage of the variables in scope while lowering one body: the container's (parser or control:
 * parameters and locals) and, inside an action's inlined body, the action's own.
 */
final class Env {
    private final Map<String, Loc> container;
    private final Map<String, Loc> callable;

    private Env(Map<String, Loc> container, Map<String, Loc> callable) {
        this.container = container;
        this.callable = callable;
    }

    static Env of(Map<String, Loc> container) {
        return new Env(container, new HashMap<>());
    }

    /** An environment for an action body inlined here: the container's variables and fresh callable ones. */
    Env forAction() {
        return new Env(container, new HashMap<>());
    }

    Optional<Loc> lookup(Expr.Var v) {
        return Optional.ofNullable((v.frame() == Expr.Frame.CONTAINER ? container : callable).get(v.name()));
    }

    void bind(Expr.Frame frame, String name, Loc loc) {
        (frame == Expr.Frame.CONTAINER ? container : callable).put(name, loc);
    }
}
