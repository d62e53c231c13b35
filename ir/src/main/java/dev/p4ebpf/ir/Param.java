package dev.p4ebpf.ir;

import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/**
 * A parameter of an action, function, method, parser, control, package or constructor.
 * {@code optional} is the {@code @optional} annotation's meaning: callers may omit it.
 */
public record Param(Direction direction, Type type, String name, Optional<Expr> defaultValue,
                    boolean optional, List<Annotation> annotations, Span span) {

    public Param {
        annotations = List.copyOf(annotations);
    }

    public Param(Direction direction, Type type, String name) {
        this(direction, type, name, Optional.empty(), false, List.of(), Span.NONE);
    }

    public Param withType(Type newType) {
        return new Param(direction, newType, name, defaultValue, optional, annotations, span);
    }

    public Param withName(String newName) {
        return new Param(direction, type, newName, defaultValue, optional, annotations, span);
    }
}
