package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.KeySet;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Deciding select cases on literal keys at compile time. */
final class Selects {
    private Selects() {}

    /** Whether {@code k} matches the literal {@code keys}; empty when that cannot be told now. */
    static Optional<Boolean> matches(KeySet k, List<Expr> keys) {
        if (k instanceof KeySet.Tuple t) {
            if (t.elements().size() != keys.size()) {
                return Optional.empty();
            }
            boolean all = true;
            for (int i = 0; i < keys.size(); i++) {
                Optional<Boolean> m = matches(t.elements().get(i), keys.get(i));
                if (m.isEmpty()) {
                    return m;
                }
                all &= m.get();
            }
            return Optional.of(all);
        }
        return keys.size() == 1 ? matches(k, keys.getFirst()) : Optional.empty();
    }

    private static Optional<Boolean> matches(KeySet k, Expr key) {
        return switch (k) {
            case KeySet.Default d -> Optional.of(true);
            case KeySet.ValueSetRef v -> Optional.empty();
            case KeySet.Tuple t -> Optional.empty();
            case KeySet.Value v -> Exprs.isLiteral(v.value()) ? Optional.of(sameValue(v.value(), key)) : Optional.empty();
            case KeySet.Mask m -> {
                Optional<BigInteger> x = intOf(key);
                Optional<BigInteger> v = intOf(m.value());
                Optional<BigInteger> mask = intOf(m.mask());
                yield x.isPresent() && v.isPresent() && mask.isPresent()
                        ? Optional.of(x.get().and(mask.get()).equals(v.get().and(mask.get()))) : Optional.empty();
            }
            case KeySet.Range r -> {
                Optional<BigInteger> x = intOf(key);
                Optional<BigInteger> lo = intOf(r.lo());
                Optional<BigInteger> hi = intOf(r.hi());
                yield x.isPresent() && lo.isPresent() && hi.isPresent()
                        ? Optional.of(lo.get().compareTo(x.get()) <= 0 && x.get().compareTo(hi.get()) <= 0)
                        : Optional.empty();
            }
        };
    }

    private static boolean sameValue(Expr a, Expr b) {
        if (a instanceof Expr.IntLit x && b instanceof Expr.IntLit y) {
            return x.value().equals(y.value());
        }
        return a.equals(b);
    }

    private static Optional<BigInteger> intOf(Expr e) {
        return e instanceof Expr.IntLit i ? Optional.of(i.value()) : Optional.empty();
    }
}
