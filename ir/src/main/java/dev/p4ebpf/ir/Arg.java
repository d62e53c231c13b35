package dev.p4ebpf.ir;

import java.util.Optional;

/**
 * An argument bound to its parameter. The checker binds positional and named arguments and fills
 * in default values, so a call has exactly one Arg per parameter, in parameter order; an omitted
 * {@code @optional} argument has no value.
 */
public record Arg(Param param, Optional<Expr> value) {

    public static Arg of(Param param, Expr value) {
        return new Arg(param, Optional.of(value));
    }

    public Expr expr() {
        return value.orElseThrow(() -> new IllegalStateException("optional argument " + param.name() + " omitted"));
    }
}
