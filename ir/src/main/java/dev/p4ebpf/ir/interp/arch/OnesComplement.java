package dev.p4ebpf.ir.interp.arch;

/** Ones' complement arithmetic on 16-bit words, as the Internet checksum (RFC 1071) uses it. */
final class OnesComplement {
    private OnesComplement() {}

    /** Folds the carries of a sum of 16-bit words back in, giving a 16-bit ones' complement sum. */
    static long fold(long sum) {
        long s = sum;
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return s;
    }

    /** The ones' complement sum of {@code data} as big-endian 16-bit words, an odd last byte padded with zero. */
    static long sum(byte[] data) {
        long s = 0;
        for (int i = 0; i + 1 < data.length; i += 2) {
            s += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        if ((data.length & 1) != 0) {
            s += (data[data.length - 1] & 0xff) << 8;
        }
        return fold(s);
    }

    /** The Internet checksum of {@code data}: the complement of its ones' complement sum. */
    static int checksum(byte[] data) {
        return (int) (~sum(data) & 0xffff);
    }
}
