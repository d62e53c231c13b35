package dev.p4ebpf.conformance.vm;

/**
 * The Internet checksum arithmetic the kernel's checksum helpers use, on values as a little-endian
 * host loads them from the packet (the one's complement sum does not care about byte order):
 * {@code csum_add}/{@code csum_sub} (32-bit, end-around carry), {@code csum_fold}, the 16-bit
 * {@code csum16_add}, and x86-64's {@code csum_partial}.
 */
final class Checksum {
    private Checksum() {
    }

    private static final long M32 = 0xffff_ffffL;

    static int add(int a, int b) {
        long s = (a & M32) + (b & M32);
        return (int) (s + (s >>> 32));
    }

    static int sub(int a, int b) {
        return add(a, ~b);
    }

    /** {@code csum_fold}: the 32-bit sum folded to 16 bits and complemented. */
    static int fold(int csum) {
        long s = (csum & 0xffff) + ((csum & M32) >>> 16);
        s = (s & 0xffff) + (s >>> 16);
        return (int) (~s & 0xffff);
    }

    /** {@code csum_from32to16}: what {@code bpf_csum_diff} returns, the 32-bit sum folded (not complemented). */
    static int from32to16(int sum) {
        int s = sum + Integer.rotateRight(sum, 16);
        return s >>> 16;
    }

    /** {@code csum16_add}. */
    static int add16(int csum, int addend) {
        int res = (csum + addend) & 0xffff;
        return (res + (res < (addend & 0xffff) ? 1 : 0)) & 0xffff;
    }

    /** {@code csum_replace2}: a 16-bit field changed from {@code from} to {@code to}. */
    static int replace2(int sum, int from, int to) {
        return ~add16(add16(~sum & 0xffff, ~from & 0xffff), to & 0xffff) & 0xffff;
    }

    /** {@code csum_replace4} / {@code inet_proto_csum_replace4} without CHECKSUM_PARTIAL. */
    static int replace4(int sum, int from, int to) {
        return fold(add(sub(~(sum & 0xffff), from), to));
    }

    /** {@code csum_replace_by_diff}: a precomputed 32-bit difference. */
    static int replaceByDiff(int sum, int diff) {
        return fold(add(diff, ~(sum & 0xffff)));
    }

    /** x86-64 {@code csum_partial}: 64-bit one's complement sum of the buffer plus {@code seed}, folded to 32 bits. */
    static int partial(byte[] buf, int seed) {
        long sum = seed & M32;
        int i = 0;
        for (; i + 8 <= buf.length; i += 8) {
            sum = add64(sum, le(buf, i, 8));
        }
        if (i + 4 <= buf.length) {
            sum = add64(sum, le(buf, i, 4));
            i += 4;
        }
        if (i < buf.length) {
            sum = add64(sum, le(buf, i, buf.length - i));
        }
        return add((int) (sum >>> 32), (int) sum);
    }

    private static long add64(long a, long b) {
        long s = a + b;
        return Long.compareUnsigned(s, a) < 0 ? s + 1 : s;
    }

    private static long le(byte[] b, int at, int n) {
        long v = 0;
        for (int k = n - 1; k >= 0; k--) {
            v = v << 8 | (b[at + k] & 0xffL);
        }
        return v;
    }
}
