package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes fields of headers that stay in the packet, in the packet's big-endian bit order.
 * A field spanning n bytes is accessed with loads of 1, 2, 4 or 8 bytes that never reach past those
 * n bytes (so they stay inside the header's bounds check), each naturally aligned relative to the
 * header's start (a header not extracted points at a zeroed 8-aligned stack buffer, where the
 * verifier refuses unaligned accesses); values come back zero-extended. Fields
 * wider than 64 bits are read and written as {@link Wide} limbs of at most 64 bits each. Packet
 * and map-value accesses may be unaligned; stack accesses may not (the verifier refuses them), so
 * the stack side of a copy or store uses naturally aligned pieces (stack slots are 8-aligned).
 */
final class PacketAccess {
    private final Gen g;

    PacketAccess(Gen g) {
        this.g = g;
    }

    /** The pieces (offset, size) covering {@code n} bytes at {@code offset}, largest first. */
    static List<int[]> pieces(int offset, int n) {
        return pieces(offset, n, false);
    }

    /**
     * The pieces covering {@code n} bytes at {@code offset}: as large as possible, and when
     * {@code aligned} each at an offset that is a multiple of its size.
     */
    static List<int[]> pieces(int offset, int n, boolean aligned) {
        var out = new ArrayList<int[]>();
        int at = offset;
        int left = n;
        while (left > 0) {
            int size = left >= 8 ? 8 : left >= 4 ? 4 : left >= 2 ? 2 : 1;
            while (aligned && Math.floorMod(at, size) != 0) {
                size /= 2;
            }
            out.add(new int[] {at, size});
            at += size;
            left -= size;
        }
        return out;
    }

    private static Size size(int bytes) {
        return switch (bytes) {
            case 1 -> Size.B;
            case 2 -> Size.H;
            case 4 -> Size.W;
            default -> Size.DW;
        };
    }

    /** The {@code n} bytes at {@code base + offset} as a big-endian number. */
    VReg loadBigEndian(VReg base, int offset, int n, Span at) {
        return loadBigEndian(base, offset, n, true, at);
    }

    /**
     * As {@link #loadBigEndian(VReg, int, int, Span)}; with {@code aligned}, in naturally aligned
     * pieces, for memory that may be the stack ({@code base} 8-aligned).
     */
    VReg loadBigEndian(VReg base, int offset, int n, boolean aligned, Span at) {
        VReg acc = null;
        for (int[] p : pieces(offset, n, aligned)) {
            VReg v = g.load(size(p[1]), base, p[0], at);
            if (p[1] > 1) {
                v = g.swap(p[1] * 8, v, at);
            }
            acc = acc == null ? v : g.alu(AluOp.OR, g.alu(AluOp.LSH, acc, p[1] * 8L, at), v, at);
        }
        return acc;
    }

    /** Stores the low {@code n*8} bits of {@code value} big-endian at {@code base + offset}. */
    void storeBigEndian(VReg base, int offset, int n, VReg value, Span at) {
        storeBigEndian(base, offset, n, value, true, at);
    }

    /** As {@link #storeBigEndian(VReg, int, int, VReg, Span)} into an 8-aligned stack slot. */
    void storeBigEndianToStack(VReg base, int offset, int n, VReg value, Span at) {
        storeBigEndian(base, offset, n, value, true, at);
    }

    private void storeBigEndian(VReg base, int offset, int n, VReg value, boolean aligned, Span at) {
        int remaining = n;
        for (int[] p : pieces(offset, n, aligned)) {
            remaining -= p[1];
            VReg piece = remaining == 0 ? value : g.alu(AluOp.RSH, value, remaining * 8L, at);
            if (p[1] > 1) {
                piece = g.swap(p[1] * 8, piece, at);
            }
            g.store(size(p[1]), base, p[0], piece, at);
        }
    }

    VReg read(Loc.PacketField f, Span at) {
        return readBits(f.header().ptr(), f.field().bitOffset(), f.field().width(), at);
    }

    void write(Loc.PacketField f, VReg value, Span at) {
        writeBits(f.header().ptr(), f.field().bitOffset(), f.field().width(), value, at);
    }

    /**
     * The {@code width} (≤ 64) bits at bit {@code bitOffset} of {@code base} (most significant bit
     * first), zero-extended. They span at most nine bytes; nine take a byte load besides the eight.
     */
    VReg readBits(VReg base, int bitOffset, int width, Span at) {
        int byteOff = bitOffset / 8;
        int lead = bitOffset % 8;
        int n = (lead + width + 7) / 8;
        if (n > 8) {
            // 72 bits hold the field: the first eight bytes shifted up, the ninth byte's top bits below
            int shift = n * 8 - lead - width;
            VReg high = loadBigEndian(base, byteOff, 8, at);
            VReg last = g.load(Size.B, base, byteOff + 8, at);
            VReg v = g.alu(AluOp.OR, g.alu(AluOp.LSH, high, 8 - shift, at), g.alu(AluOp.RSH, last, shift, at), at);
            return g.truncate(v, width, at);
        }
        VReg raw = loadBigEndian(base, byteOff, n, at);
        int shift = n * 8 - lead - width;
        VReg v = shift == 0 ? raw : g.alu(AluOp.RSH, raw, shift, at);
        return lead == 0 && shift == 0 ? v : g.truncate(v, width, at);
    }

    /** Writes the low {@code width} (≤ 64) bits of {@code value} at bit {@code bitOffset} of {@code base}. */
    void writeBits(VReg base, int bitOffset, int width, VReg value, Span at) {
        int byteOff = bitOffset / 8;
        int lead = bitOffset % 8;
        int n = (lead + width + 7) / 8;
        if (bitOffset % 8 == 0 && width % 8 == 0) {
            storeBigEndian(base, byteOff, n, value, at);
            return;
        }
        if (n > 8) {
            // split so that each part spans at most eight bytes: the high bits up to a byte boundary, then the rest
            int highBits = 8 - lead;
            writeBits(base, bitOffset, highBits, g.alu(AluOp.RSH, value, width - highBits, at), at);
            writeBits(base, bitOffset + highBits, width - highBits, g.truncate(value, width - highBits, at), at);
            return;
        }
        int shift = n * 8 - lead - width;
        long fieldMask = Scalars.mask(width) << shift;
        VReg raw = loadBigEndian(base, byteOff, n, at);
        long keep = ~fieldMask & Scalars.mask(n * 8);
        VReg kept = keep == (int) keep ? g.alu(AluOp.AND, raw, Operand.imm(keep), at)
                : g.alu(AluOp.AND, raw, g.imm(keep, at), at);
        VReg placed = shift == 0 ? value : g.alu(AluOp.LSH, value, shift, at);
        VReg merged = g.alu(AluOp.OR, kept, placed, at);
        storeBigEndian(base, byteOff, n, merged, at);
    }

    /** The {@code width}-bit field at bit {@code bitOffset} of {@code base}, as limbs (least significant first). */
    Wide readWide(VReg base, int bitOffset, int width, Span at) {
        int end = bitOffset + width;
        var limbs = new ArrayList<VReg>();
        for (int i = 0; i < Wide.count(width); i++) {
            int bits = Math.min(64, width - 64 * i);
            limbs.add(readBits(base, end - 64 * i - bits, bits, at));
        }
        return new Wide(width, limbs);
    }

    /**
     * The {@code width}-bit number in the {@code n} big-endian bytes at {@code base + offset} (right
     * aligned), as limbs, read in naturally aligned pieces ({@code base} may be an 8-aligned stack slot).
     */
    Wide loadWideBigEndian(VReg base, int offset, int n, int width, Span at) {
        var limbs = new ArrayList<VReg>();
        for (int i = 0; i < Wide.count(width); i++) {
            int end = offset + n - 8 * i;
            int start = Math.max(offset, end - 8);
            limbs.add(loadBigEndian(base, start, end - start, true, at));
        }
        int top = width - 64 * (limbs.size() - 1);
        limbs.set(limbs.size() - 1, g.truncate(limbs.getLast(), top, at));
        return new Wide(width, limbs);
    }

    /** Writes {@code v} as the {@code v.width()}-bit field at bit {@code bitOffset} of {@code base}. */
    void writeWide(VReg base, int bitOffset, Wide v, Span at) {
        int end = bitOffset + v.width();
        for (int i = 0; i < v.size(); i++) {
            int bits = Math.min(64, v.width() - 64 * i);
            writeBits(base, end - 64 * i - bits, bits, v.limb(i), at);
        }
    }

    /**
     * Stores {@code v} big-endian in the {@code n} bytes at {@code base + offset} (right-aligned,
     * zeros above), in naturally aligned pieces: {@code base} is an 8-aligned stack slot.
     */
    void storeWideToStack(VReg base, int offset, int n, Wide v, Span at) {
        WideOps ops = new WideOps(g);
        for (int[] p : pieces(offset, n, true)) {
            int lowBit = (offset + n - p[0] - p[1]) * 8;
            VReg piece = ops.bits(v, lowBit, p[1] * 8, at);
            if (p[1] > 1) {
                piece = g.swap(p[1] * 8, piece, at);
            }
            g.store(size(p[1]), base, p[0], piece, at);
        }
    }

    /**
     * Copies {@code n} bytes from {@code src + so} to {@code dst + doff} (no overlap), in pieces
     * naturally aligned on both sides: either may be the stack (a header not extracted points at a
     * zeroed stack buffer), where the verifier refuses unaligned accesses.
     */
    void copyBytes(VReg dst, int doff, VReg src, int so, int n, Span at) {
        for (int[] p : bothAligned(so, doff, n)) {
            copyPiece(dst, doff + p[0] - so, src, p[0], p[1], at);
        }
    }

    /** As {@link #copyBytes}, where {@code dst} is an 8-aligned stack slot. */
    void copyToStack(VReg dst, int doff, VReg src, int so, int n, Span at) {
        copyBytes(dst, doff, src, so, n, at);
    }

    /** As {@link #copyBytes}, where {@code src} is an 8-aligned stack slot. */
    void copyFromStack(VReg dst, int doff, VReg src, int so, int n, Span at) {
        copyBytes(dst, doff, src, so, n, at);
    }

    /** Pieces of {@code n} bytes, each naturally aligned at both {@code so} and {@code doff} (offsets of the source's). */
    private static List<int[]> bothAligned(int so, int doff, int n) {
        var out = new ArrayList<int[]>();
        int done = 0;
        while (done < n) {
            int left = n - done;
            int size = left >= 8 ? 8 : left >= 4 ? 4 : left >= 2 ? 2 : 1;
            while (Math.floorMod(so + done, size) != 0 || Math.floorMod(doff + done, size) != 0) {
                size /= 2;
            }
            out.add(new int[] {so + done, size});
            done += size;
        }
        return out;
    }

    private void copyPiece(VReg dst, int doff, VReg src, int so, int bytes, Span at) {
        VReg v = g.load(size(bytes), src, so, at);
        g.store(size(bytes), dst, doff, v, at);
    }
}
