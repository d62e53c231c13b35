package dev.p4ebpf.frontend.ast;

import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/** A type as written in the source, before the checker resolves it. */
public sealed interface TypeRef {
    Span span();

    /** A name: a declared type, a type parameter, or (decided by the checker) not a type at all. */
    record Named(String name, boolean dotPrefix, Span span) implements TypeRef {}

    /** {@code Name<args>}. */
    record Specialized(Named base, List<TypeRef> args, Span span) implements TypeRef {
        public Specialized {
            args = List.copyOf(args);
        }
    }

    /** {@code bit}, {@code bit<W>}, {@code int}, {@code int<W>}; an absent width means {@code bit<1>} or the unsized {@code int}. */
    record Bits(boolean signed, Optional<Expression> width, Span span) implements TypeRef {}

    record Varbit(Expression width, Span span) implements TypeRef {}

    enum PrimKind { BOOL, STRING, ERROR, MATCH_KIND, VOID, DONT_CARE }

    /** {@code bool}, {@code string}, {@code error}, {@code match_kind}, {@code void}, {@code _}. */
    record Prim(PrimKind kind, Span span) implements TypeRef {}

    /** {@code T[size]}. */
    record Stack(TypeRef element, Expression size, Span span) implements TypeRef {}

    record Tuple(List<TypeRef> elements, Span span) implements TypeRef {
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    record P4List(TypeRef element, Span span) implements TypeRef {}
}
