package dev.p4ebpf.conformance.gen;

import java.math.BigInteger;

/**
 * Keysets for select cases and table entries, as P4 text: values, {@code value &&& mask},
 * {@code low .. high} and prefixes (a value under a mask of leading ones). Values fit the key's type;
 * a range's low end is at most its high end.
 */
final class Keysets {
    private final Rand r;

    Keysets(Rand r) {
        this.r = r;
    }

    String value(ScalarType t) {
        return switch (t.kind()) {
            case BIT -> ExprGen.literal(t, r.value(t.width()));
            case INT -> ExprGen.literal(t, r.value(t.width() - 1));
            case BOOL -> r.chance(0.5) ? "true" : "false";
        };
    }

    /** {@code value &&& mask} of a bit type. */
    String mask(ScalarType t) {
        return ExprGen.literal(t, r.value(t.width())) + " &&& " + ExprGen.literal(t, r.value(t.width()));
    }

    /** {@code low .. high} of a bit type. */
    String range(ScalarType t) {
        BigInteger a = r.value(t.width());
        BigInteger b = r.value(t.width());
        return ExprGen.literal(t, a.min(b)) + " .. " + ExprGen.literal(t, a.max(b));
    }

    /** A prefix of a bit type as {@code value &&& mask}, the value's bits below the prefix zero. */
    String prefix(ScalarType t) {
        int w = t.width();
        int len = r.between(0, w);
        BigInteger all = BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
        BigInteger mask = all.xor(BigInteger.ONE.shiftLeft(w - len).subtract(BigInteger.ONE));
        BigInteger v = r.value(w).and(mask);
        return ExprGen.literal(t, v) + " &&& " + ExprGen.literal(t, mask);
    }
}
