package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.interp.value.BitsValue;
import java.math.BigInteger;

/** Reads big-endian bit fields at any bit offset of a byte array (network order, as headers are laid out). */
final class BitReader {
    private BitReader() {}

    /** {@code width} bits at {@code bitOffset}; the caller checked they are inside {@code data}. */
    static BitsValue read(byte[] data, long bitOffset, int width, boolean signed) {
        if (width <= BitsValue.SMALL_MAX) {
            return BitsValue.of(width, signed, readLong(data, bitOffset, width));
        }
        BigInteger v = BigInteger.ZERO;
        int done = 0;
        while (done < width) {
            int take = Math.min(32, width - done);
            v = v.shiftLeft(take).or(BigInteger.valueOf(readLong(data, bitOffset + done, take)));
            done += take;
        }
        return BitsValue.of(width, signed, v);
    }

    /** Up to 64 bits at {@code bitOffset}, as the low bits of a long. */
    static long readLong(byte[] data, long bitOffset, int width) {
        long v = 0;
        int i = 0;
        while (i < width) {
            long pos = bitOffset + i;
            int bitInByte = (int) (pos & 7);
            int avail = 8 - bitInByte;
            int take = Math.min(avail, width - i);
            int b = data[(int) (pos >>> 3)] & 0xff;
            int chunk = (b >>> (avail - take)) & ((1 << take) - 1);
            v = (v << take) | chunk;
            i += take;
        }
        return v;
    }
}
