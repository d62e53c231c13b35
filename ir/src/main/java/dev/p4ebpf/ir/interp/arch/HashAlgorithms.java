package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.interp.InterpreterException;
import dev.p4ebpf.ir.diag.Span;

/**
 * v1model's {@code HashAlgorithm}s, computed exactly as BMv2 simple_switch does on the bytes of
 * a field list: {@code crc16} (CRC-16/ARC), {@code crc32} (CRC-32), their {@code _custom}
 * variants with BMv2's default parameters (the same CRCs), {@code csum16} (the Internet
 * checksum: the complement of the ones' complement sum of 16-bit words), {@code xor16} (the XOR
 * of 16-bit words), {@code identity} (the first eight bytes as a big-endian number) and
 * {@code random}, which BMv2 has no hash for; the interpreter defines it as the identity.
 */
final class HashAlgorithms {
    private HashAlgorithms() {}

    static long compute(String algorithm, byte[] data, Span where) {
        return switch (algorithm) {
            case "crc16", "crc16_custom" -> Crc.CRC16.compute(data);
            case "crc32", "crc32_custom" -> Crc.CRC32.compute(data);
            case "csum16" -> OnesComplement.checksum(data);
            case "xor16" -> xor16(data);
            case "identity", "random" -> identity(data);
            default -> throw new InterpreterException(where, "hash algorithm " + algorithm + " is not modelled");
        };
    }

    /** XOR of the big-endian 16-bit words; an odd last byte is the high half of a last word. */
    static long xor16(byte[] data) {
        long x = 0;
        for (int i = 0; i < data.length; i += 2) {
            int hi = data[i] & 0xff;
            int lo = i + 1 < data.length ? data[i + 1] & 0xff : 0;
            x ^= (hi << 8) | lo;
        }
        return x;
    }

    /** The first (up to) eight bytes as a big-endian number. */
    static long identity(byte[] data) {
        long v = 0;
        for (int i = 0; i < Math.min(8, data.length); i++) {
            v = (v << 8) | (data[i] & 0xff);
        }
        return v;
    }
}
