package dev.p4ebpf.ir;

import dev.p4ebpf.ir.diag.Span;
import java.math.BigInteger;
import java.util.List;

/**
 * Expressions. Every expression knows its type and every reference names its resolved
 * declaration (see {@link Var}); calls are the sub-family {@link Call}.
 */
public sealed interface Expr permits Expr.IntLit, Expr.BoolLit, Expr.StrLit, Expr.ErrorLit, Expr.EnumLit,
        Expr.MatchKindLit, Expr.InvalidHeader, Expr.DontCareArg, Expr.Var, Expr.InstanceRef, Expr.This,
        Expr.Unary, Expr.Binary, Expr.Mux, Expr.Cast, Expr.Slice, Expr.DynSlice, Expr.Member,
        Expr.StackElement, Expr.StackProperty, Expr.TupleElement, Expr.StructValue, Expr.TupleValue, Call {

    Type type();

    Span span();

    /** An integer literal; {@code type} is {@link Type.Bits} or {@link Type.InfInt}. */
    record IntLit(BigInteger value, Type type, Span span) implements Expr {
        public static IntLit of(long value, Type type) {
            return new IntLit(BigInteger.valueOf(value), type, Span.NONE);
        }
    }

    record BoolLit(boolean value, Span span) implements Expr {
        @Override
        public Type type() {
            return Type.BOOL;
        }
    }

    record StrLit(String value, Span span) implements Expr {
        @Override
        public Type type() {
            return Type.STRING;
        }
    }

    /** {@code error.Name}. */
    record ErrorLit(String member, Span span) implements Expr {
        @Override
        public Type type() {
            return Type.ERROR;
        }
    }

    /** {@code E.Member} of a plain or serializable enum. */
    record EnumLit(Type type, String member, Span span) implements Expr {}

    /** A {@code match_kind} member used as a value, e.g. in an annotation-free key of a test. */
    record MatchKindLit(String member, Span span) implements Expr {
        @Override
        public Type type() {
            return Type.MATCH_KIND;
        }
    }

    /** {@code {#}}: an invalid header or header union of the given type. */
    record InvalidHeader(Type type, Span span) implements Expr {}

    /** {@code _} passed for an {@code out} parameter: the result is discarded. */
    record DontCareArg(Type type, Span span) implements Expr {}

    /**
     * Which frame a variable lives in. {@code CALLABLE} is the action or function whose body the
     * reference is in; {@code CONTAINER} is the enclosing parser or control (its parameters, its
     * local variables, and the locals of its apply block and states). Names are unique within each
     * frame: the checker renames shadowing declarations.
     */
    enum Frame { CALLABLE, CONTAINER }

    /** A parameter or variable. */
    record Var(String name, Type type, Frame frame, Span span) implements Expr {}

    /**
     * An instance: an extern object, a parser or control instance, or a value set. {@code global}
     * instances are declared at the top level, the others in the enclosing parser or control.
     */
    record InstanceRef(String name, Type type, boolean global, Span span) implements Expr {}

    /** {@code this} inside an abstract method implementation: the instance being initialized. */
    record This(Type type, Span span) implements Expr {}

    enum UnOp {
        NEG("-"), NOT("!"), COMPLEMENT("~");

        private final String symbol;

        UnOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    record Unary(UnOp op, Expr operand, Type type, Span span) implements Expr {}

    enum BinOp {
        MUL("*", 10), DIV("/", 10), MOD("%", 10),
        ADD("+", 9), SUB("-", 9), ADD_SAT("|+|", 9), SUB_SAT("|-|", 9), CONCAT("++", 9),
        SHL("<<", 8), SHR(">>", 8),
        BAND("&", 7), BXOR("^", 6), BOR("|", 5),
        LE("<=", 4), GE(">=", 4), LT("<", 4), GT(">", 4),
        EQ("==", 3), NE("!=", 3),
        LAND("&&", 2), LOR("||", 1);

        private final String symbol;
        private final int precedence;

        BinOp(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        public String symbol() {
            return symbol;
        }

        /**
         * Binding strength as in p4c's grammar (where, unlike C, {@code &}, {@code ^} and {@code |}
         * bind tighter than comparisons, and {@code ++} as tightly as {@code +}); higher binds tighter.
         */
        public int precedence() {
            return precedence;
        }

        public boolean isComparison() {
            return this == LE || this == GE || this == LT || this == GT || this == EQ || this == NE;
        }
    }

    record Binary(BinOp op, Expr left, Expr right, Type type, Span span) implements Expr {}

    /** {@code c ? a : b}. */
    record Mux(Expr condition, Expr ifTrue, Expr ifFalse, Type type, Span span) implements Expr {}

    /** {@code (T) e}, explicit or inserted by the checker for an implicit conversion. */
    record Cast(Type type, Expr operand, Span span) implements Expr {}

    /** {@code e[hi:lo]} with constant bounds. */
    record Slice(Expr operand, int hi, int lo, Type type, Span span) implements Expr {}

    /** {@code e[lo +: width]}: a slice whose low bit is computed at run time. */
    record DynSlice(Expr operand, Expr lo, int width, Type type, Span span) implements Expr {}

    /**
     * {@code base.field} of a struct, header or header union; also {@code hit}, {@code miss} and
     * {@code action_run} of a table result.
     */
    record Member(Expr base, String field, Type type, Span span) implements Expr {}

    /** {@code stack[index]}. */
    record StackElement(Expr stack, Expr index, Type type, Span span) implements Expr {}

    enum StackProp {
        /** {@code next}: the element at nextIndex, advancing it when extracted into (parsers only). */
        NEXT("next"),
        /** {@code last}: the element at nextIndex - 1. */
        LAST("last"),
        /** {@code lastIndex}: nextIndex - 1, as {@code bit<32>}. */
        LAST_INDEX("lastIndex");

        private final String member;

        StackProp(String member) {
            this.member = member;
        }

        public String member() {
            return member;
        }
    }

    /** {@code stack.next}, {@code stack.last}, {@code stack.lastIndex}. ({@code size} is a constant.) */
    record StackProperty(Expr stack, StackProp property, Type type, Span span) implements Expr {}

    /** {@code tuple[i]} with a constant index. */
    record TupleElement(Expr tuple, int index, Type type, Span span) implements Expr {}

    /**
     * A struct, header or header union value built from one expression per field, in declaration
     * order ({@code {f = e, …}} or {@code {e, …}} once the context gave it its type). A header
     * value built this way is valid.
     */
    record StructValue(Type type, List<Expr> fields, Span span) implements Expr {
        public StructValue {
            fields = List.copyOf(fields);
        }
    }

    /** A tuple or list value {@code {a, b, …}}; the type is {@link Type.Tuple} or {@link Type.P4List}. */
    record TupleValue(Type type, List<Expr> elements, Span span) implements Expr {
        public TupleValue {
            elements = List.copyOf(elements);
        }
    }
}
