package dev.p4ebpf.frontend.ast;

import dev.p4ebpf.ir.diag.Span;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** An expression as written. Names are not resolved: {@code E.A} is a {@link Member} of a {@link Name}. */
public sealed interface Expression {
    Span span();

    /**
     * An integer literal. {@code width} is present for {@code 8w5} / {@code 8s5}; {@code text} is the
     * literal as written, for messages.
     */
    record IntLiteral(BigInteger value, Optional<Integer> width, boolean signed, String text, Span span)
            implements Expression {}

    record BoolLiteral(boolean value, Span span) implements Expression {}

    /** A string literal, its escapes kept as written. */
    record StringLiteral(String value, Span span) implements Expression {}

    record Name(String name, boolean dotPrefix, Span span) implements Expression {}

    record This(Span span) implements Expression {}

    /** {@code error.X}. */
    record ErrorMember(String member, Span span) implements Expression {}

    /** {@code ...} in a list or struct expression: the remaining elements take their defaults. */
    record Dots(Span span) implements Expression {}

    /** {@code _}: an ignored out argument, or a don't-care in a keyset. */
    record DontCare(Span span) implements Expression {}

    /** {@code {#}}. */
    record Invalid(Span span) implements Expression {}

    record Member(Expression base, String member, Span memberSpan, Span span) implements Expression {}

    record Index(Expression base, Expression index, Span span) implements Expression {}

    /** {@code e[hi:lo]}. */
    record Slice(Expression base, Expression hi, Expression lo, Span span) implements Expression {}

    /** {@code e[lo +: width]}. */
    record DynSlice(Expression base, Expression lo, Expression width, Span span) implements Expression {}

    enum UnaryOp { NOT, COMPLEMENT, NEG, PLUS }

    record Unary(UnaryOp op, Expression operand, Span span) implements Expression {}

    enum BinaryOp { MUL, DIV, MOD, ADD, SUB, ADD_SAT, SUB_SAT, CONCAT, SHL, SHR, BAND, BXOR, BOR, LE, GE, LT, GT, EQ, NE,
        LAND, LOR }

    record Binary(BinaryOp op, Expression left, Expression right, Span opSpan, Span span) implements Expression {}

    record Mux(Expression condition, Expression ifTrue, Expression ifFalse, Span span) implements Expression {}

    record Cast(TypeRef type, Expression operand, Span span) implements Expression {}

    /** {@code callee<typeArgs>(args)}: a function, method, action, apply or constructor call. */
    record Call(Expression callee, List<TypeRef> typeArgs, List<Argument> args, Span span) implements Expression {
        public Call {
            typeArgs = List.copyOf(typeArgs);
            args = List.copyOf(args);
        }
    }

    /** {@code Name<typeArgs>} standing for a specialized type, as in {@code MyParser<bit>.apply(x)}. */
    record Specialized(Expression base, List<TypeRef> typeArgs, Span span) implements Expression {
        public Specialized {
            typeArgs = List.copyOf(typeArgs);
        }
    }

    /** {@code {a, b}}, possibly ending in {@code ...}. */
    record ListExpr(List<Expression> elements, boolean dots, Span span) implements Expression {
        public ListExpr {
            elements = List.copyOf(elements);
        }
    }

    /** {@code {f = a, g = b}}, possibly ending in {@code ...}. */
    record StructExpr(List<NamedExpression> fields, boolean dots, Span span) implements Expression {
        public StructExpr {
            fields = List.copyOf(fields);
        }
    }

    record NamedExpression(String name, Expression value, Span span) {}

    /** An argument of a call: positional, or {@code name = value}. */
    record Argument(Optional<String> name, Expression value, Span span) {}
}
