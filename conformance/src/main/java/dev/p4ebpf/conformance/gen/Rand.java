package dev.p4ebpf.conformance.gen;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The generator's random choices, over one {@link Random} so that a seed gives one program. */
final class Rand {
    /** Widths programs favour, beside uniformly chosen ones: byte multiples and awkward neighbours. */
    private static final int[] COMMON_WIDTHS = {1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 15, 16, 17, 24, 31, 32, 33, 48, 63, 64};
    /** Widths above 64 bits for header fields that only travel in the packet. */
    private static final int[] WIDE_WIDTHS = {65, 72, 80, 96, 112, 128};

    private final Random random;

    Rand(Random random) {
        this.random = random;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A number in {@code [lo, hi]}. */
    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    <T> T pick(List<T> xs) {
        return xs.get(random.nextInt(xs.size()));
    }

    /** {@code n} distinct elements of {@code xs} in random order (all of them when there are fewer). */
    <T> List<T> sample(List<T> xs, int n) {
        var copy = new ArrayList<>(xs);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    <T> List<T> shuffled(List<T> xs) {
        var copy = new ArrayList<>(xs);
        Collections.shuffle(copy, random);
        return copy;
    }

    /** An index chosen with the given weights (zero weights are never chosen). */
    int weighted(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException("no weight chosen");
    }

    /** A width of at most {@code max} bits, favouring common ones. */
    int width(int max) {
        if (chance(0.6)) {
            int w;
            do {
                w = COMMON_WIDTHS[random.nextInt(COMMON_WIDTHS.length)];
            } while (w > max);
            return w;
        }
        return between(1, max);
    }

    int wideWidth() {
        return WIDE_WIDTHS[random.nextInt(WIDE_WIDTHS.length)];
    }

    /** A value of {@code bits} bits, favouring the edges: 0, 1, all ones, one bit, small numbers. */
    BigInteger value(int bits) {
        BigInteger max = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        return switch (weighted(2, 2, 2, 2, 3, 5)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> BigInteger.ONE.min(max);
            case 2 -> max;
            case 3 -> BigInteger.ONE.shiftLeft(random.nextInt(bits));
            case 4 -> BigInteger.valueOf(random.nextInt(16)).and(max);
            default -> new BigInteger(bits, random);
        };
    }

    /** A value in {@code [lo, hi]}. */
    BigInteger valueBetween(BigInteger lo, BigInteger hi) {
        BigInteger span = hi.subtract(lo).add(BigInteger.ONE);
        BigInteger r;
        do {
            r = new BigInteger(span.bitLength(), random);
        } while (r.compareTo(span) >= 0);
        return lo.add(r);
    }
}
