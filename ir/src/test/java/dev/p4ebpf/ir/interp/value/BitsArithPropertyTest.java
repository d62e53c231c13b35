package dev.p4ebpf.ir.interp.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link BitsArith} against a model computed with {@link BigInteger} on the numbers the operands
 * stand for, over random widths (1 to 200 bits, the 64-bit boundary often) and random values.
 * The seed is printed so that a failure can be replayed.
 */
class BitsArithPropertyTest {
    private static final long SEED = 0x5eed_b175L;
    private static final int ROUNDS = 20_000;

    /** Two's complement wrap-around of {@code v} into W bits, as the model's only primitive. */
    private static BigInteger wrap(BigInteger v, int w, boolean signed) {
        BigInteger mod = BigInteger.ONE.shiftLeft(w);
        BigInteger u = v.mod(mod);
        return signed && u.testBit(w - 1) ? u.subtract(mod) : u;
    }

    private static BigInteger max(int w, boolean signed) {
        return signed ? BigInteger.ONE.shiftLeft(w - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
    }

    private static BigInteger min(int w, boolean signed) {
        return signed ? BigInteger.ONE.shiftLeft(w - 1).negate() : BigInteger.ZERO;
    }

    private static int width(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> 63 + r.nextInt(3);
            case 1 -> 1 + r.nextInt(8);
            case 2 -> 120 + r.nextInt(16);
            default -> 1 + r.nextInt(200);
        };
    }

    private static BitsValue random(Random r, int w, boolean signed) {
        BigInteger u = switch (r.nextInt(5)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
            case 2 -> BigInteger.ONE.shiftLeft(w - 1);
            default -> new BigInteger(w, r);
        };
        return BitsValue.of(w, signed, u);
    }

    private static void check(String what, BitsValue a, BitsValue b, BitsValue actual, BigInteger expected, int w,
                              boolean signed) {
        assertEquals(w, actual.width(), what + " width");
        assertEquals(signed, actual.signed(), what + " signedness");
        assertEquals(wrap(expected, w, signed), actual.toBigInteger(),
                () -> what + " of " + a + " and " + b + " (seed " + SEED + ")");
    }

    @Test
    void binaryOperationsAgreeWithTheBigIntegerModel() {
        System.out.println("BitsArithPropertyTest seed " + SEED);
        Random r = new Random(SEED);
        for (int i = 0; i < ROUNDS; i++) {
            int w = width(r);
            boolean signed = r.nextBoolean();
            BitsValue a = random(r, w, signed);
            BitsValue b = random(r, w, signed);
            BigInteger x = a.toBigInteger();
            BigInteger y = b.toBigInteger();
            check("add", a, b, BitsArith.add(a, b), x.add(y), w, signed);
            check("sub", a, b, BitsArith.sub(a, b), x.subtract(y), w, signed);
            check("mul", a, b, BitsArith.mul(a, b), x.multiply(y), w, signed);
            check("and", a, b, BitsArith.and(a, b), x.and(y), w, signed);
            check("or", a, b, BitsArith.or(a, b), x.or(y), w, signed);
            check("xor", a, b, BitsArith.xor(a, b), x.xor(y), w, signed);
            check("div", a, b, BitsArith.div(a, b), y.signum() == 0 ? BigInteger.ZERO : x.divide(y), w, signed);
            check("mod", a, b, BitsArith.mod(a, b), y.signum() == 0 ? BigInteger.ZERO : x.remainder(y), w, signed);
            check("|+|", a, b, BitsArith.addSat(a, b), clamp(x.add(y), w, signed), w, signed);
            check("|-|", a, b, BitsArith.subSat(a, b), clamp(x.subtract(y), w, signed), w, signed);
            assertEquals(Integer.signum(x.compareTo(y)), Integer.signum(BitsArith.compare(a, b)),
                    () -> "compare " + a + " " + b + " (seed " + SEED + ")");
            assertEquals(x.equals(y), BitsArith.equal(a, b));
            assertEquals(x.equals(y), a.equals(b), "equal values are equal records");
        }
    }

    private static BigInteger clamp(BigInteger v, int w, boolean signed) {
        return v.max(min(w, signed)).min(max(w, signed));
    }

    @Test
    void unaryOperationsShiftsAndCastsAgreeWithTheModel() {
        Random r = new Random(SEED + 1);
        for (int i = 0; i < ROUNDS; i++) {
            int w = width(r);
            boolean signed = r.nextBoolean();
            BitsValue a = random(r, w, signed);
            BigInteger x = a.toBigInteger();
            check("neg", a, a, BitsArith.neg(a), x.negate(), w, signed);
            check("~", a, a, BitsArith.complement(a), x.not(), w, signed);
            int n = r.nextInt(w + 10);
            BigInteger shifted = n >= w ? BigInteger.ZERO : x.shiftLeft(n);
            check("<< " + n, a, a, BitsArith.shl(a, BigInteger.valueOf(n)), shifted, w, signed);
            BigInteger right = signed ? x.shiftRight(Math.min(n, w)) : (n >= w ? BigInteger.ZERO : x.shiftRight(n));
            check(">> " + n, a, a, BitsArith.shr(a, BigInteger.valueOf(n)), right, w, signed);
            int w2 = width(r);
            boolean s2 = r.nextBoolean();
            check("cast to " + w2, a, a, BitsArith.cast(a, w2, s2), x, w2, s2);
        }
    }

    @Test
    void sliceConcatAndSliceAssignmentAgreeWithTheModel() {
        Random r = new Random(SEED + 2);
        for (int i = 0; i < ROUNDS; i++) {
            int w = width(r);
            BitsValue a = random(r, w, r.nextBoolean());
            int lo = r.nextInt(w);
            int hi = lo + r.nextInt(w - lo);
            BigInteger bits = a.unsignedValue();
            BigInteger ones = BigInteger.ONE.shiftLeft(hi - lo + 1).subtract(BigInteger.ONE);
            check("slice", a, a, BitsArith.slice(a, hi, lo), bits.shiftRight(lo).and(ones), hi - lo + 1, false);
            BitsValue part = random(r, hi - lo + 1, false);
            BigInteger replaced = bits.andNot(ones.shiftLeft(lo)).or(part.unsignedValue().shiftLeft(lo));
            check("slice assignment", a, part, BitsArith.withSlice(a, hi, lo, part), replaced, w, a.signed());
            int w2 = width(r);
            BitsValue b = random(r, w2, r.nextBoolean());
            check("++", a, b, BitsArith.concat(a, b), bits.shiftLeft(w2).or(b.unsignedValue()), w + w2, a.signed());
        }
    }

    @Test
    void representationDependsOnlyOnTheWidth() {
        BinaryOperator<BitsValue> add = BitsArith::add;
        assertEquals(SmallBits.class, BitsValue.of(64, false, -1L).getClass());
        assertEquals(WideBits.class, BitsValue.of(65, false, -1L).getClass());
        assertEquals(BigInteger.ONE.shiftLeft(65).subtract(BigInteger.ONE), BitsValue.of(65, false, -1L).unsignedValue());
        assertEquals(BitsValue.of(64, false, 0L), add.apply(BitsValue.of(64, false, -1L), BitsValue.of(64, false, 1L)));
        assertEquals(new BigInteger("18446744073709551615"), BitsValue.of(64, false, -1L).toBigInteger());
        assertEquals(BigInteger.valueOf(-1), BitsValue.of(64, true, -1L).toBigInteger());
    }
}
