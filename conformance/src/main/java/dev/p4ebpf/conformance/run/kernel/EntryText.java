package dev.p4ebpf.conformance.run.kernel;

import dev.p4ebpf.conformance.run.EntryKey;
import java.math.BigInteger;

/**
 * An {@link EntryKey} written as the driver's entry parser reads a key field: {@code 0x…},
 * {@code v/len}, {@code v&&&m}, {@code lo..hi}, {@code *}. Bits a prefix or mask leaves out are
 * cleared first, since they do not take part in the match (the driver refuses them).
 */
final class EntryText {
    private EntryText() {}

    static String key(EntryKey k, int width) {
        return switch (k) {
            case EntryKey.Exact x -> hex(x.value());
            case EntryKey.Ternary x -> hex(x.value().and(x.mask())) + "&&&" + hex(x.mask());
            case EntryKey.Prefix x -> hex(x.value().and(prefixMask(x.length(), width))) + "/" + x.length();
            case EntryKey.Range x -> hex(x.low()) + ".." + hex(x.high());
            case EntryKey.Any x -> "*";
        };
    }

    static String hex(BigInteger v) {
        return "0x" + v.toString(16);
    }

    private static BigInteger prefixMask(int length, int width) {
        return BigInteger.ONE.shiftLeft(length).subtract(BigInteger.ONE).shiftLeft(width - length);
    }
}
