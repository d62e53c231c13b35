package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.interp.value.BitsArith;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;

/**
 * What one key field of a table entry (or one member of a value set) matches. Patterns on bit
 * strings hold values of the key's type.
 */
public sealed interface KeyPattern {

    boolean matches(Value key);

    /** The value of exactly this key ({@code exact}, and {@code optional} with a value). */
    record Exact(Value value) implements KeyPattern {
        @Override
        public boolean matches(Value key) {
            return Values.equal(key, value);
        }
    }

    /** The key's bits under {@code mask} equal those of {@code value} ({@code ternary}). */
    record Masked(BitsValue value, BitsValue mask) implements KeyPattern {
        @Override
        public boolean matches(Value key) {
            return BitsArith.equal(BitsArith.and((BitsValue) key, mask), BitsArith.and(value, mask));
        }
    }

    /** The key's first {@code length} bits equal those of {@code value} ({@code lpm}). */
    record Prefix(BitsValue value, int length) implements KeyPattern {
        public Prefix {
            if (length < 0 || length > value.width()) {
                throw new IllegalArgumentException("prefix length " + length + " of a " + value.width() + "-bit key");
            }
        }

        public BitsValue mask() {
            int w = value.width();
            BitsValue ones = BitsArith.complement(BitsValue.zero(w, false));
            return BitsArith.shl(ones, java.math.BigInteger.valueOf(w - length));
        }

        @Override
        public boolean matches(Value key) {
            BitsValue k = Conversions.toBits(key, value.width(), false);
            BitsValue m = mask();
            return BitsArith.equal(BitsArith.and(k, m), BitsArith.and(Conversions.toBits(value, value.width(), false), m));
        }
    }

    /** {@code low ≤ key ≤ high} ({@code range}), as numbers of the key's type. */
    record Range(BitsValue low, BitsValue high) implements KeyPattern {
        @Override
        public boolean matches(Value key) {
            BitsValue k = (BitsValue) key;
            return BitsArith.compare(low, k) <= 0 && BitsArith.compare(k, high) <= 0;
        }
    }

    /** Every value ({@code _}, {@code default}, an {@code optional} key left out). */
    record Any() implements KeyPattern {
        @Override
        public boolean matches(Value key) {
            return true;
        }
    }
}
