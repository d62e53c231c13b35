package dev.p4ebpf.ir.fold;

import dev.p4ebpf.ir.Type;
import java.math.BigInteger;

/**
 * Exact P4 integer arithmetic on {@link BigInteger}s, for constant folding. A value of
 * {@code bit<W>} is kept in [0, 2^W), a value of {@code int<W>} in [-2^(W-1), 2^(W-1)), an
 * {@code int} (arbitrary precision) as is. Operations take operands already converted to the
 * result type (the checker inserts the casts), except shifts and concatenation.
 */
public final class IntOps {
    private IntOps() {}

    /** Reduces {@code v} into the range of {@code type} (two's complement wrap-around). */
    public static BigInteger wrap(BigInteger v, Type type) {
        return switch (type) {
            case Type.Bits b -> wrap(v, b.width(), b.signed());
            default -> v;
        };
    }

    public static BigInteger wrap(BigInteger v, int width, boolean signed) {
        if (width == 0) {
            return BigInteger.ZERO;
        }
        BigInteger modulus = BigInteger.ONE.shiftLeft(width);
        BigInteger u = v.mod(modulus);
        if (signed && u.testBit(width - 1)) {
            return u.subtract(modulus);
        }
        return u;
    }

    /** The bit pattern of a {@code bit}/{@code int} value as a non-negative number. */
    public static BigInteger unsigned(BigInteger v, int width) {
        return v.signum() >= 0 ? v : v.add(BigInteger.ONE.shiftLeft(width));
    }

    /** Whether {@code v} is representable in {@code type} without wrapping. */
    public static boolean fits(BigInteger v, Type type) {
        return wrap(v, type).equals(v);
    }

    public static BigInteger min(Type.Bits b) {
        return b.signed() ? BigInteger.ONE.shiftLeft(b.width() - 1).negate() : BigInteger.ZERO;
    }

    public static BigInteger max(Type.Bits b) {
        return b.signed() ? BigInteger.ONE.shiftLeft(b.width() - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(b.width()).subtract(BigInteger.ONE);
    }

    public static BigInteger addSaturating(BigInteger a, BigInteger b, Type.Bits t) {
        return clamp(a.add(b), t);
    }

    public static BigInteger subSaturating(BigInteger a, BigInteger b, Type.Bits t) {
        return clamp(a.subtract(b), t);
    }

    private static BigInteger clamp(BigInteger v, Type.Bits t) {
        return v.max(min(t)).min(max(t));
    }

    /**
     * {@code a << n} in the type of {@code a}. Shifting by the width or more gives 0.
     */
    public static BigInteger shl(BigInteger a, BigInteger n, Type type) {
        if (type instanceof Type.Bits b && n.compareTo(BigInteger.valueOf(b.width())) >= 0) {
            return BigInteger.ZERO;
        }
        return wrap(a.shiftLeft(n.intValueExact()), type);
    }

    /**
     * {@code a >> n} in the type of {@code a}: logical for {@code bit}, arithmetic for {@code int}
     * and {@code int<W>} (all sign bits once n reaches the width).
     */
    public static BigInteger shr(BigInteger a, BigInteger n, Type type) {
        int shift = n.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
        return a.shiftRight(shift);
    }

    /** {@code a ++ b}: the bits of a followed by those of b; signed when a is. */
    public static BigInteger concat(BigInteger a, Type.Bits ta, BigInteger b, Type.Bits tb) {
        BigInteger bits = unsigned(a, ta.width()).shiftLeft(tb.width()).or(unsigned(b, tb.width()));
        return wrap(bits, ta.width() + tb.width(), ta.signed());
    }

    /** {@code a[hi:lo]}, always unsigned. */
    public static BigInteger slice(BigInteger a, int width, int hi, int lo) {
        BigInteger u = width > 0 ? unsigned(a, width) : a;
        return u.shiftRight(lo).and(BigInteger.ONE.shiftLeft(hi - lo + 1).subtract(BigInteger.ONE));
    }

    /**
     * The value of {@code v} (of type {@code from}) converted to {@code to}, both integer types
     * ({@code bit}, {@code int<W>} or {@code int}). Per the spec: widening a signed value extends
     * its sign, narrowing keeps the low bits, changing signedness at one width keeps the bits.
     */
    public static BigInteger convert(BigInteger v, Type to) {
        return wrap(v, to);
    }
}
