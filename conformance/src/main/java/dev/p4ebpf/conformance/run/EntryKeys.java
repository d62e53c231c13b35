package dev.p4ebpf.conformance.run;

import dev.p4ebpf.conformance.stf.KeyMatch;
import dev.p4ebpf.conformance.stf.KeyValue;
import dev.p4ebpf.conformance.stf.StfNumber;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the key fields of an STF {@code add} into one {@link EntryKey} per key of the table, by
 * the key's match kind and width, as p4c's runners read them:
 * <ul>
 *   <li>exact: a plain number;</li>
 *   <li>ternary: {@code v&&&m}, or a hex/binary number whose {@code *} digits are wildcards
 *       ({@code 0x****0101}); a decimal number is an all-ones mask;</li>
 *   <li>lpm: {@code v/len}, or a number whose prefix length is its count of non-{@code *} digits
 *       times their width, a decimal one full length;</li>
 *   <li>range: {@code lo..hi}, or one number;</li>
 *   <li>optional: a number, or only {@code *} digits for any value.</li>
 * </ul>
 * Keys not given match anything when their kind allows it (ternary, lpm, range, optional), as
 * p4c's BMv2 runner fills them in; an exact key must be given.
 *
 * <p>One quirk is kept for p4c's eBPF STF files: their runner writes an lpm key's value into
 * the map key as a host-order (little-endian) C integer while the LPM trie compares network
 * order, so when keys are named by position ({@code key.field0}) an lpm value is read with its
 * bytes reversed, which is what those tests expect.
 */
final class EntryKeys {
    private EntryKeys() {}

    static List<EntryKey> of(ControlPlaneModel.TableModel table, List<KeyMatch> given) throws StfInputException {
        List<ControlPlaneModel.KeyModel> keys = table.keys();
        EntryKey[] out = new EntryKey[keys.size()];
        for (KeyMatch km : given) {
            int i = NameResolver.key(table, km.field());
            if (out[i] != null) {
                throw new StfInputException(km.field().span(), "key " + keys.get(i).name() + " is given twice");
            }
            boolean positional = km.field().text().matches("(key\\.)?field\\d+");
            out[i] = key(keys.get(i), km, positional);
        }
        List<EntryKey> result = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                ControlPlaneModel.KeyModel k = keys.get(i);
                if (k.matchKind().equals("exact")) {
                    throw new StfInputException(given.isEmpty() ? dev.p4ebpf.ir.diag.Span.NONE
                            : given.getFirst().field().span(), "the entry does not give exact key " + k.name()
                            + " of table " + table.name());
                }
                out[i] = k.matchKind().equals("lpm") ? new EntryKey.Prefix(BigInteger.ZERO, 0) : new EntryKey.Any();
            }
            result.add(out[i]);
        }
        return result;
    }

    private static EntryKey key(ControlPlaneModel.KeyModel k, KeyMatch km, boolean positional)
            throws StfInputException {
        int w = k.width();
        KeyValue v = km.value();
        return switch (k.matchKind()) {
            case "exact" -> switch (v) {
                case KeyValue.Value x -> new EntryKey.Exact(plain(x.number(), k));
                default -> throw wrongForm(km, k, "a number");
            };
            case "ternary" -> switch (v) {
                case KeyValue.Value x -> new EntryKey.Ternary(fit(x.number().value(), x.number(), k),
                        x.number().careMask(w));
                case KeyValue.Masked x -> new EntryKey.Ternary(plain(x.value(), k), plain(x.mask(), k));
                case KeyValue.Prefix x -> new EntryKey.Ternary(plain(x.value(), k), prefixMask(length(x, k), w));
                case KeyValue.Range x -> throw wrongForm(km, k, "a value, value&&&mask or a number with * digits");
            };
            case "lpm" -> switch (v) {
                case KeyValue.Value x -> new EntryKey.Prefix(lpmValue(x.number(), k, positional),
                        x.number().writtenPrefixLength(w));
                case KeyValue.Prefix x -> new EntryKey.Prefix(lpmValue(x.value(), k, positional), length(x, k));
                default -> throw wrongForm(km, k, "value/length or a number");
            };
            case "range" -> switch (v) {
                case KeyValue.Range x -> range(x, k);
                case KeyValue.Value x -> new EntryKey.Range(plain(x.number(), k), plain(x.number(), k));
                default -> throw wrongForm(km, k, "low..high or a number");
            };
            case "optional" -> switch (v) {
                case KeyValue.Value x when x.number().hasWildcards() && x.number().careMask(w).signum() == 0 ->
                        new EntryKey.Any();
                case KeyValue.Value x -> new EntryKey.Exact(plain(x.number(), k));
                default -> throw wrongForm(km, k, "a number, or * for any value");
            };
            default -> throw new StfInputException(km.field().span(), "key " + k.name() + " has match kind "
                    + k.matchKind() + ", which STF entries cannot give");
        };
    }

    private static StfInputException wrongForm(KeyMatch km, ControlPlaneModel.KeyModel k, String expected) {
        return new StfInputException(km.field().span(), "key " + k.name() + " is " + k.matchKind() + "; give "
                + expected);
    }

    /** A number without wildcards that fits the key. */
    private static BigInteger plain(StfNumber n, ControlPlaneModel.KeyModel k) throws StfInputException {
        if (n.hasWildcards()) {
            throw new StfInputException(n.span(), "'*' digits are only for ternary, lpm and optional keys; key "
                    + k.name() + " is " + k.matchKind());
        }
        return fit(n.value(), n, k);
    }

    private static EntryKey.Range range(KeyValue.Range x, ControlPlaneModel.KeyModel k) throws StfInputException {
        BigInteger low = plain(x.low(), k);
        BigInteger high = plain(x.high(), k);
        if (low.compareTo(high) > 0) {
            throw new StfInputException(x.low().span(), "the range " + x.low().text() + ".." + x.high().text()
                    + " of key " + k.name() + " is empty: its low end is above its high end");
        }
        return new EntryKey.Range(low, high);
    }

    private static BigInteger fit(BigInteger v, StfNumber n, ControlPlaneModel.KeyModel k) throws StfInputException {
        if (v.bitLength() > k.width()) {
            throw new StfInputException(n.span(), "value " + n.text() + " does not fit the " + k.width()
                    + "-bit key " + k.name());
        }
        return v;
    }

    private static int length(KeyValue.Prefix x, ControlPlaneModel.KeyModel k) throws StfInputException {
        BigInteger len = x.length().value();
        if (len.compareTo(BigInteger.valueOf(k.width())) > 0) {
            throw new StfInputException(x.length().span(), "prefix length " + len + " is longer than the "
                    + k.width() + "-bit key " + k.name());
        }
        return len.intValue();
    }

    private static BigInteger lpmValue(StfNumber n, ControlPlaneModel.KeyModel k, boolean positional)
            throws StfInputException {
        BigInteger v = fit(n.value(), n, k);
        if (!positional || k.width() % 8 != 0) {
            return v;
        }
        byte[] bytes = new byte[k.width() / 8];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = v.shiftRight(8 * i).byteValue();
        }
        return new BigInteger(1, bytes);
    }

    private static BigInteger prefixMask(int length, int width) {
        return BigInteger.ONE.shiftLeft(length).subtract(BigInteger.ONE).shiftLeft(width - length);
    }
}
