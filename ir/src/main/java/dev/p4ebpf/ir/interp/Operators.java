package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.interp.value.BitsArith;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.BoolValue;
import dev.p4ebpf.ir.interp.value.IntValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import java.math.BigInteger;

/**
 * The binary operators other than {@code &&} and {@code ||} (which short-circuit and are the
 * evaluator's), on evaluated operands: bit strings of one type, {@code int}s, or any two values
 * of one type for {@code ==} and {@code !=}.
 */
final class Operators {
    private Operators() {}

    static Value apply(Expr.BinOp op, Value l, Value r) {
        return switch (op) {
            case EQ -> BoolValue.of(Values.equal(l, r));
            case NE -> BoolValue.of(!Values.equal(l, r));
            case SHL, SHR -> shift(op, l, Conversions.shiftAmount(r));
            case CONCAT -> BitsArith.concat((BitsValue) l, (BitsValue) r);
            case LAND, LOR -> throw new IllegalStateException("short-circuit operator " + op);
            default -> l instanceof IntValue a && r instanceof IntValue b ? infinite(op, a.value(), b.value())
                    : arithmetic(op, asBits(l, r), asBits(r, l));
        };
    }

    /** {@code v} as bits; an {@code int} operand takes the type of the other operand. */
    private static BitsValue asBits(Value v, Value other) {
        if (v instanceof BitsValue b) {
            return b;
        }
        BitsValue o = (BitsValue) other;
        return Conversions.toBits(v, o.width(), o.signed());
    }

    private static Value shift(Expr.BinOp op, Value l, BigInteger n) {
        if (l instanceof IntValue a) {
            int s = n.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
            return new IntValue(op == Expr.BinOp.SHL ? a.value().shiftLeft(s) : a.value().shiftRight(s));
        }
        BitsValue b = (BitsValue) l;
        return op == Expr.BinOp.SHL ? BitsArith.shl(b, n) : BitsArith.shr(b, n);
    }

    private static Value arithmetic(Expr.BinOp op, BitsValue a, BitsValue b) {
        return switch (op) {
            case ADD -> BitsArith.add(a, b);
            case SUB -> BitsArith.sub(a, b);
            case MUL -> BitsArith.mul(a, b);
            case DIV -> BitsArith.div(a, b);
            case MOD -> BitsArith.mod(a, b);
            case ADD_SAT -> BitsArith.addSat(a, b);
            case SUB_SAT -> BitsArith.subSat(a, b);
            case BAND -> BitsArith.and(a, b);
            case BOR -> BitsArith.or(a, b);
            case BXOR -> BitsArith.xor(a, b);
            case LT -> BoolValue.of(BitsArith.compare(a, b) < 0);
            case LE -> BoolValue.of(BitsArith.compare(a, b) <= 0);
            case GT -> BoolValue.of(BitsArith.compare(a, b) > 0);
            case GE -> BoolValue.of(BitsArith.compare(a, b) >= 0);
            case EQ, NE, SHL, SHR, CONCAT, LAND, LOR -> throw new IllegalStateException("not arithmetic: " + op);
        };
    }

    private static Value infinite(Expr.BinOp op, BigInteger a, BigInteger b) {
        return switch (op) {
            case ADD, ADD_SAT -> new IntValue(a.add(b));
            case SUB, SUB_SAT -> new IntValue(a.subtract(b));
            case MUL -> new IntValue(a.multiply(b));
            case DIV -> new IntValue(b.signum() == 0 ? BigInteger.ZERO : a.divide(b));
            case MOD -> new IntValue(b.signum() == 0 ? BigInteger.ZERO : a.mod(b.abs()));
            case BAND -> new IntValue(a.and(b));
            case BOR -> new IntValue(a.or(b));
            case BXOR -> new IntValue(a.xor(b));
            case LT -> BoolValue.of(a.compareTo(b) < 0);
            case LE -> BoolValue.of(a.compareTo(b) <= 0);
            case GT -> BoolValue.of(a.compareTo(b) > 0);
            case GE -> BoolValue.of(a.compareTo(b) >= 0);
            case EQ, NE, SHL, SHR, CONCAT, LAND, LOR -> throw new IllegalStateException("not arithmetic: " + op);
        };
    }
}
