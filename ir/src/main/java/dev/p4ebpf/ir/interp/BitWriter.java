package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.interp.value.BitsValue;
import java.math.BigInteger;
import java.util.Arrays;

/** Appends big-endian bit fields to a growing byte array, as a deparser writes headers. */
public final class BitWriter {
    private byte[] bytes = new byte[64];
    private long bits;

    /** Appends the low {@code width} bits of {@code v}, most significant first. */
    public void write(long v, int width) {
        ensure(bits + width);
        if (((bits | width) & 7) == 0) {
            int idx = (int) (bits >>> 3);
            for (int shift = width - 8; shift >= 0; shift -= 8) {
                bytes[idx++] = (byte) (shift >= 64 ? 0 : v >>> shift);
            }
            bits += width;
            return;
        }
        int i = 0;
        while (i < width) {
            int bitInByte = (int) (bits & 7);
            int space = 8 - bitInByte;
            int take = Math.min(space, width - i);
            int shift = width - i - take;
            int chunk = (int) ((shift >= 64 ? 0 : v >>> shift) & ((1 << take) - 1));
            int idx = (int) (bits >>> 3);
            bytes[idx] = (byte) (bytes[idx] | (chunk << (space - take)));
            bits += take;
            i += take;
        }
    }

    /** Appends all bits of {@code v}. */
    public void write(BitsValue v) {
        if (v.width() <= BitsValue.SMALL_MAX) {
            write(v.low64(), v.width());
            return;
        }
        write(v.unsignedValue(), v.width());
    }

    /** Appends the low {@code width} bits of {@code v}, a non-negative number. */
    public void write(BigInteger v, int width) {
        int done = 0;
        while (done < width) {
            int take = Math.min(32, width - done);
            write(v.shiftRight(width - done - take).longValue(), take);
            done += take;
        }
    }

    /** Appends whole bytes (the payload after the headers). */
    public void writeBytes(byte[] data, int offset, int length) {
        if ((bits & 7) == 0) {
            ensure(bits + 8L * length);
            System.arraycopy(data, offset, bytes, (int) (bits >>> 3), length);
            bits += 8L * length;
            return;
        }
        for (int i = 0; i < length; i++) {
            write(data[offset + i] & 0xff, 8);
        }
    }

    public long bitLength() {
        return bits;
    }

    /** The bytes written; a last partial byte is padded with zero bits. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, (int) ((bits + 7) >>> 3));
    }

    private void ensure(long totalBits) {
        int need = (int) ((totalBits + 7) >>> 3);
        if (need > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(need, bytes.length * 2));
        }
    }
}
