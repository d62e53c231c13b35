package dev.p4ebpf.frontend.check;

import dev.p4ebpf.ir.Type;
import java.util.Optional;

/**
 * Where a piece of code is being checked: its scope, the IR frame its variables live in, what kind
 * of body it is in (which decides what it may do: apply tables, call actions, exit, return a
 * value), and how many loops enclose it.
 */
record Ctx(Scope scope, Frame frame, Body body, Optional<Type> returnType, int loops, Optional<Type> thisType) {

    /** The kinds of code, each with its own rules. */
    enum Body {
        /** Top-level and local declarations outside any executable body: only compile-time values. */
        DECLARATIONS,
        PARSER_STATE,
        CONTROL_APPLY,
        ACTION,
        FUNCTION,
        /** The bodies of abstract-method implementations in an instance initializer. */
        METHOD_IMPLEMENTATION;

        boolean executable() {
            return this != DECLARATIONS;
        }
    }

    static Ctx declarations(Scope scope, Frame frame) {
        return new Ctx(scope, frame, Body.DECLARATIONS, Optional.empty(), 0, Optional.empty());
    }

    Ctx withScope(Scope s) {
        return new Ctx(s, frame, body, returnType, loops, thisType);
    }

    /** A nested block: a child scope in the same frame. */
    Ctx nested() {
        return withScope(scope.child());
    }

    Ctx in(Body b, Frame f, Optional<Type> ret) {
        return new Ctx(scope.child(), f, b, ret, 0, thisType);
    }

    Ctx inLoop() {
        return new Ctx(scope.child(), frame, body, returnType, loops + 1, thisType);
    }

    Ctx withThis(Type t) {
        return new Ctx(scope, frame, body, returnType, loops, Optional.of(t));
    }
}
