package dev.p4ebpf.ir.interp.value;

import java.math.BigInteger;

/**
 * Exact P4 arithmetic on {@link BitsValue}s. Binary operations other than shifts and
 * concatenation take two operands of the same type (the frontend inserts the casts) and return
 * that type; results wrap around modulo 2^W. Values of up to 64 bits are computed on
 * {@code long}s, wider ones on {@link BigInteger}s.
 *
 * <p>Where the language leaves a result unspecified the interpreter defines it, identically on
 * every path: division and modulo by zero give 0.
 */
public final class BitsArith {
    private BitsArith() {}

    public static BitsValue add(BitsValue a, BitsValue b) {
        if (a instanceof SmallBits x && b instanceof SmallBits y) {
            return SmallBits.of(x.width(), x.signed(), x.bits() + y.bits());
        }
        return wide(a, a.unsignedValue().add(b.unsignedValue()));
    }

    public static BitsValue sub(BitsValue a, BitsValue b) {
        if (a instanceof SmallBits x && b instanceof SmallBits y) {
            return SmallBits.of(x.width(), x.signed(), x.bits() - y.bits());
        }
        return wide(a, a.unsignedValue().subtract(b.unsignedValue()));
    }

    public static BitsValue mul(BitsValue a, BitsValue b) {
        if (a instanceof SmallBits x && b instanceof SmallBits y) {
            return SmallBits.of(x.width(), x.signed(), x.bits() * y.bits());
        }
        return wide(a, a.unsignedValue().multiply(b.unsignedValue()));
    }

    /** {@code a / b}: unsigned division for {@code bit<W>}, truncating signed division for {@code int<W>}. */
    public static BitsValue div(BitsValue a, BitsValue b) {
        if (b.isZero()) {
            return BitsValue.zero(a.width(), a.signed());
        }
        if (a instanceof SmallBits x && b instanceof SmallBits y) {
            long q = x.signed() ? x.signedValue() / y.signedValue() : Long.divideUnsigned(x.bits(), y.bits());
            return SmallBits.of(x.width(), x.signed(), q);
        }
        return wide(a, a.toBigInteger().divide(b.toBigInteger()));
    }

    /** {@code a % b}: unsigned for {@code bit<W>}; for {@code int<W>} the remainder takes the dividend's sign. */
    public static BitsValue mod(BitsValue a, BitsValue b) {
        if (b.isZero()) {
            return BitsValue.zero(a.width(), a.signed());
        }
        if (a instanceof SmallBits x && b instanceof SmallBits y) {
            long r = x.signed() ? x.signedValue() % y.signedValue() : Long.remainderUnsigned(x.bits(), y.bits());
            return SmallBits.of(x.width(), x.signed(), r);
        }
        return wide(a, a.toBigInteger().remainder(b.toBigInteger()));
    }

    public static BitsValue neg(BitsValue a) {
        if (a instanceof SmallBits x) {
            return SmallBits.of(x.width(), x.signed(), -x.bits());
        }
        return wide(a, a.unsignedValue().negate());
    }

    /** {@code ~a}. */
    public static BitsValue complement(BitsValue a) {
        if (a instanceof SmallBits x) {
            return SmallBits.of(x.width(), x.signed(), ~x.bits());
        }
        return wide(a, a.unsignedValue().xor(ones(a.width())));
    }

    public static BitsValue and(BitsValue a, BitsValue b) {
        if (a instanceof SmallBits x && b instanceof SmallBits y) {
            return new SmallBits(x.width(), x.signed(), x.bits() & y.bits());
        }
        return wide(a, a.unsignedValue().and(b.unsignedValue()));
    }

    public static BitsValue or(BitsValue a, BitsValue b) {
        if (a instanceof SmallBits x && b instanceof SmallBits y) {
            return new SmallBits(x.width(), x.signed(), x.bits() | y.bits());
        }
        return wide(a, a.unsignedValue().or(b.unsignedValue()));
    }

    public static BitsValue xor(BitsValue a, BitsValue b) {
        if (a instanceof SmallBits x && b instanceof SmallBits y) {
            return new SmallBits(x.width(), x.signed(), x.bits() ^ y.bits());
        }
        return wide(a, a.unsignedValue().xor(b.unsignedValue()));
    }

    /** {@code a << n}; shifting by the width or more gives 0. */
    public static BitsValue shl(BitsValue a, BigInteger n) {
        if (n.compareTo(BigInteger.valueOf(a.width())) >= 0) {
            return BitsValue.zero(a.width(), a.signed());
        }
        int s = n.intValue();
        if (a instanceof SmallBits x) {
            return SmallBits.of(x.width(), x.signed(), s >= 64 ? 0 : x.bits() << s);
        }
        return wide(a, a.unsignedValue().shiftLeft(s));
    }

    /**
     * {@code a >> n}: logical for {@code bit<W>}, arithmetic for {@code int<W>}. Shifting by the
     * width or more gives 0, or all ones for a negative {@code int<W>}.
     */
    public static BitsValue shr(BitsValue a, BigInteger n) {
        int s = n.compareTo(BigInteger.valueOf(a.width())) >= 0 ? a.width() : n.intValue();
        if (a instanceof SmallBits x) {
            if (x.signed()) {
                return SmallBits.of(x.width(), true, x.signedValue() >> Math.min(s, 63));
            }
            return new SmallBits(x.width(), false, s >= 64 ? 0 : x.bits() >>> s);
        }
        return wide(a, a.toBigInteger().shiftRight(s));
    }

    /** {@code a |+| b}: addition clamped to the range of the type. */
    public static BitsValue addSat(BitsValue a, BitsValue b) {
        return clamp(a, a.toBigInteger().add(b.toBigInteger()));
    }

    /** {@code a |-| b}: subtraction clamped to the range of the type. */
    public static BitsValue subSat(BitsValue a, BitsValue b) {
        return clamp(a, a.toBigInteger().subtract(b.toBigInteger()));
    }

    private static BitsValue clamp(BitsValue type, BigInteger exact) {
        int w = type.width();
        if (w == 0) {
            return type;
        }
        BigInteger max = type.signed() ? BigInteger.ONE.shiftLeft(w - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
        BigInteger min = type.signed() ? BigInteger.ONE.shiftLeft(w - 1).negate() : BigInteger.ZERO;
        return BitsValue.of(w, type.signed(), exact.max(min).min(max));
    }

    /** Compares as numbers of the operands' type: signed for {@code int<W>}, unsigned for {@code bit<W>}. */
    public static int compare(BitsValue a, BitsValue b) {
        if (a instanceof SmallBits x && b instanceof SmallBits y) {
            return x.signed() ? Long.compare(x.signedValue(), y.signedValue()) : Long.compareUnsigned(x.bits(), y.bits());
        }
        return a.toBigInteger().compareTo(b.toBigInteger());
    }

    /** Whether the two patterns are equal (the operands have the same type). */
    public static boolean equal(BitsValue a, BitsValue b) {
        if (a instanceof SmallBits x && b instanceof SmallBits y) {
            return x.bits() == y.bits();
        }
        return a.unsignedValue().equals(b.unsignedValue());
    }

    /** {@code a ++ b}: the bits of a above those of b; signed when a is. */
    public static BitsValue concat(BitsValue a, BitsValue b) {
        int w = a.width() + b.width();
        if (w <= BitsValue.SMALL_MAX) {
            long hi = b.width() >= 64 ? 0 : a.low64() << b.width();
            return SmallBits.of(w, a.signed(), hi | b.low64());
        }
        return BitsValue.of(w, a.signed(), a.unsignedValue().shiftLeft(b.width()).or(b.unsignedValue()));
    }

    /** {@code a[hi:lo]}: always unsigned, {@code hi - lo + 1} bits. */
    public static BitsValue slice(BitsValue a, int hi, int lo) {
        int w = hi - lo + 1;
        if (a instanceof SmallBits x) {
            return SmallBits.of(w, false, lo >= 64 ? 0 : x.bits() >>> lo);
        }
        return BitsValue.of(w, false, a.unsignedValue().shiftRight(lo).and(ones(w)));
    }

    /** {@code base} with bits {@code hi..lo} replaced by {@code part} (an assignment to a slice). */
    public static BitsValue withSlice(BitsValue base, int hi, int lo, BitsValue part) {
        int w = hi - lo + 1;
        if (base instanceof SmallBits x && w <= 64) {
            long m = SmallBits.mask(w) << lo;
            long bits = (x.bits() & ~m) | ((part.low64() << lo) & m);
            return SmallBits.of(x.width(), x.signed(), bits);
        }
        BigInteger m = ones(w).shiftLeft(lo);
        BigInteger cleared = base.unsignedValue().andNot(m);
        BigInteger inserted = part.unsignedValue().and(ones(w)).shiftLeft(lo);
        return BitsValue.of(base.width(), base.signed(), cleared.or(inserted));
    }

    /**
     * Conversion to {@code bit<width>} or {@code int<width>}: narrowing keeps the low bits,
     * widening extends the sign of a signed source and zero-extends an unsigned one, a change of
     * signedness at one width keeps the bits.
     */
    public static BitsValue cast(BitsValue a, int width, boolean signed) {
        if (a instanceof SmallBits x) {
            long v = x.signed() ? x.signedValue() : x.bits();
            if (width <= BitsValue.SMALL_MAX) {
                return SmallBits.of(width, signed, v);
            }
            return BitsValue.of(width, signed, x.signed() ? BigInteger.valueOf(v) : x.unsignedValue());
        }
        return BitsValue.of(width, signed, a.toBigInteger());
    }

    /** The number as an unsigned count (shift amounts, indices): patterns read as unsigned. */
    public static BigInteger asCount(BitsValue a) {
        return a.signed() ? a.toBigInteger() : a.unsignedValue();
    }

    private static BitsValue wide(BitsValue type, BigInteger v) {
        return BitsValue.of(type.width(), type.signed(), v);
    }

    private static BigInteger ones(int w) {
        return BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
    }
}
