package dev.p4ebpf.ir.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.BoolValue;
import dev.p4ebpf.ir.interp.value.IntValue;
import dev.p4ebpf.ir.interp.value.Value;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every binary operator as the interpreter applies it to evaluated operands ({@link Operators}),
 * against a {@link BigInteger} model, over random widths (1 to 200 bits, the 64-bit boundary
 * often), signedness and values: bit strings of one type, an {@code int} with a bit string (the
 * int takes the other's type), two {@code int}s (no wrap-around), shifts by amounts that are
 * bit strings of another width (often far beyond the width), and concatenation of two widths.
 * The seed is printed so that a failure can be replayed.
 */
class OperatorsPropertyTest {
    private static final long SEED = 0x0be7_a70eL;
    private static final int ROUNDS = 10_000;

    private static BigInteger wrap(BigInteger v, int w, boolean signed) {
        BigInteger mod = BigInteger.ONE.shiftLeft(w);
        BigInteger u = v.mod(mod);
        return signed && u.testBit(w - 1) ? u.subtract(mod) : u;
    }

    private static BigInteger clamp(BigInteger v, int w, boolean signed) {
        BigInteger max = signed ? BigInteger.ONE.shiftLeft(w - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(w - 1).negate() : BigInteger.ZERO;
        return v.max(min).min(max);
    }

    private static int width(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> 63 + r.nextInt(3);
            case 1 -> 1 + r.nextInt(8);
            default -> 1 + r.nextInt(200);
        };
    }

    private static BitsValue bits(Random r, int w, boolean signed) {
        BigInteger u = switch (r.nextInt(5)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
            case 2 -> BigInteger.ONE.shiftLeft(w - 1);
            default -> new BigInteger(w, r);
        };
        return BitsValue.of(w, signed, u);
    }

    /** What {@code x op y} is in W-bit arithmetic (signed or not), or a boolean for comparisons. */
    private static Object model(Expr.BinOp op, BigInteger x, BigInteger y, int w, boolean signed) {
        return switch (op) {
            case ADD -> wrap(x.add(y), w, signed);
            case SUB -> wrap(x.subtract(y), w, signed);
            case MUL -> wrap(x.multiply(y), w, signed);
            case DIV -> y.signum() == 0 ? BigInteger.ZERO : wrap(x.divide(y), w, signed);
            case MOD -> y.signum() == 0 ? BigInteger.ZERO : wrap(x.remainder(y), w, signed);
            case ADD_SAT -> clamp(x.add(y), w, signed);
            case SUB_SAT -> clamp(x.subtract(y), w, signed);
            case BAND -> wrap(x.and(y), w, signed);
            case BOR -> wrap(x.or(y), w, signed);
            case BXOR -> wrap(x.xor(y), w, signed);
            case LT -> x.compareTo(y) < 0;
            case LE -> x.compareTo(y) <= 0;
            case GT -> x.compareTo(y) > 0;
            case GE -> x.compareTo(y) >= 0;
            case EQ -> x.equals(y);
            case NE -> !x.equals(y);
            case SHL, SHR, CONCAT, LAND, LOR -> throw new IllegalArgumentException(op.toString());
        };
    }

    private static Object actual(Value v, int w, boolean signed, String what) {
        return switch (v) {
            case BoolValue b -> b.value();
            case BitsValue b -> {
                assertEquals(w, b.width(), what + ": width");
                assertEquals(signed, b.signed(), what + ": signedness");
                yield b.toBigInteger();
            }
            default -> throw new AssertionError(what + ": a " + v.getClass().getSimpleName());
        };
    }

    private static final Expr.BinOp[] ARITHMETIC = {
        Expr.BinOp.ADD, Expr.BinOp.SUB, Expr.BinOp.MUL, Expr.BinOp.DIV, Expr.BinOp.MOD, Expr.BinOp.ADD_SAT,
        Expr.BinOp.SUB_SAT, Expr.BinOp.BAND, Expr.BinOp.BOR, Expr.BinOp.BXOR, Expr.BinOp.LT, Expr.BinOp.LE,
        Expr.BinOp.GT, Expr.BinOp.GE, Expr.BinOp.EQ, Expr.BinOp.NE,
    };

    @Test
    void bitStringsOfOneTypeAndIntsTakingTheOtherOperandsType() {
        System.out.println("OperatorsPropertyTest seed " + SEED);
        Random r = new Random(SEED);
        for (int i = 0; i < ROUNDS; i++) {
            int w = width(r);
            boolean signed = r.nextBoolean();
            BitsValue a = bits(r, w, signed);
            BitsValue b = bits(r, w, signed);
            BigInteger n = new BigInteger(w + 8, r).subtract(BigInteger.ONE.shiftLeft(w + 7));
            for (Expr.BinOp op : ARITHMETIC) {
                String what = a + " " + op + " " + b + " (seed " + SEED + ")";
                BigInteger x = a.toBigInteger();
                BigInteger y = b.toBigInteger();
                assertEquals(model(op, x, y, w, signed), actual(Operators.apply(op, a, b), w, signed, what), what);
                if (op == Expr.BinOp.EQ || op == Expr.BinOp.NE) {
                    continue;
                }
                BigInteger nw = wrap(n, w, signed);
                String mixed = a + " " + op + " int " + n + " (seed " + SEED + ")";
                assertEquals(model(op, x, nw, w, signed), actual(Operators.apply(op, a, new IntValue(n)), w, signed,
                        mixed), mixed);
                assertEquals(model(op, nw, y, w, signed), actual(Operators.apply(op, new IntValue(n), b), w, signed,
                        mixed), mixed);
            }
        }
    }

    @Test
    void shiftsByBitStringsOfAnyWidthAndByInts() {
        Random r = new Random(SEED + 1);
        for (int i = 0; i < ROUNDS; i++) {
            int w = width(r);
            boolean signed = r.nextBoolean();
            BitsValue a = bits(r, w, signed);
            BigInteger x = a.toBigInteger();
            Value amount = switch (r.nextInt(3)) {
                case 0 -> BitsValue.of(8, false, BigInteger.valueOf(r.nextInt(256)));
                case 1 -> bits(r, width(r), false);
                default -> IntValue.of(r.nextInt(w + 70));
            };
            BigInteger s = amount instanceof BitsValue b ? b.unsignedValue() : ((IntValue) amount).value();
            int sh = s.min(BigInteger.valueOf(w)).intValue();
            BigInteger left = sh >= w ? BigInteger.ZERO : wrap(x.shiftLeft(sh), w, signed);
            BigInteger right = x.shiftRight(sh);
            String what = a + " by " + amount + " (seed " + SEED + ")";
            assertEquals(left, actual(Operators.apply(Expr.BinOp.SHL, a, amount), w, signed, what), "<< " + what);
            assertEquals(right, actual(Operators.apply(Expr.BinOp.SHR, a, amount), w, signed, what), ">> " + what);
        }
    }

    @Test
    void concatenationOfTwoWidths() {
        Random r = new Random(SEED + 2);
        for (int i = 0; i < ROUNDS; i++) {
            int w1 = width(r);
            int w2 = width(r);
            BitsValue a = bits(r, w1, r.nextBoolean());
            BitsValue b = bits(r, w2, r.nextBoolean());
            BigInteger expected = wrap(a.unsignedValue().shiftLeft(w2).or(b.unsignedValue()), w1 + w2, a.signed());
            String what = a + " ++ " + b + " (seed " + SEED + ")";
            assertEquals(expected, actual(Operators.apply(Expr.BinOp.CONCAT, a, b), w1 + w2, a.signed(), what), what);
        }
    }

    @Test
    void intsHaveNoWidth() {
        Random r = new Random(SEED + 3);
        for (int i = 0; i < ROUNDS; i++) {
            BigInteger x = new BigInteger(1 + r.nextInt(300), r);
            BigInteger y = new BigInteger(1 + r.nextInt(300), r).add(BigInteger.ONE);
            IntValue a = new IntValue(x);
            IntValue b = new IntValue(y);
            String what = x + ", " + y + " (seed " + SEED + ")";
            assertEquals(new IntValue(x.add(y)), Operators.apply(Expr.BinOp.ADD, a, b), "+ " + what);
            assertEquals(new IntValue(x.subtract(y)), Operators.apply(Expr.BinOp.SUB, a, b), "- " + what);
            assertEquals(new IntValue(x.multiply(y)), Operators.apply(Expr.BinOp.MUL, a, b), "* " + what);
            assertEquals(new IntValue(x.divide(y)), Operators.apply(Expr.BinOp.DIV, a, b), "/ " + what);
            assertEquals(new IntValue(x.remainder(y)), Operators.apply(Expr.BinOp.MOD, a, b), "% " + what);
            assertEquals(new IntValue(x.and(y)), Operators.apply(Expr.BinOp.BAND, a, b), "& " + what);
            assertEquals(new IntValue(x.or(y)), Operators.apply(Expr.BinOp.BOR, a, b), "| " + what);
            assertEquals(new IntValue(x.xor(y)), Operators.apply(Expr.BinOp.BXOR, a, b), "^ " + what);
            assertEquals(BoolValue.of(x.compareTo(y) < 0), Operators.apply(Expr.BinOp.LT, a, b), "< " + what);
            assertEquals(BoolValue.of(x.compareTo(y) >= 0), Operators.apply(Expr.BinOp.GE, a, b), ">= " + what);
            int s = r.nextInt(100);
            IntValue by = IntValue.of(s);
            assertEquals(new IntValue(x.shiftLeft(s)), Operators.apply(Expr.BinOp.SHL, a, by), "<< " + what);
            assertEquals(new IntValue(x.shiftRight(s)), Operators.apply(Expr.BinOp.SHR, a, by), ">> " + what);
        }
    }
}
