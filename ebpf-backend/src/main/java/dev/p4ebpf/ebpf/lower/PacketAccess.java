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
 * n bytes (so they stay inside the header's bounds check); values come back zero-extended. Packet
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
        VReg acc = null;
        for (int[] p : pieces(offset, n)) {
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
        storeBigEndian(base, offset, n, value, false, at);
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
        HeaderLayout.FieldLayout fl = f.field();
        int byteOff = fl.bitOffset() / 8;
        int lead = fl.bitOffset() % 8;
        int n = (lead + fl.width() + 7) / 8;
        if (n > 8) {
            throw new IllegalStateException("field of " + fl.width() + " bits spans " + n + " bytes");
        }
        VReg raw = loadBigEndian(f.header().ptr(), byteOff, n, at);
        int shift = n * 8 - lead - fl.width();
        VReg v = shift == 0 ? raw : g.alu(AluOp.RSH, raw, shift, at);
        return lead == 0 && shift == 0 ? v : g.truncate(v, fl.width(), at);
    }

    void write(Loc.PacketField f, VReg value, Span at) {
        HeaderLayout.FieldLayout fl = f.field();
        int byteOff = fl.bitOffset() / 8;
        int lead = fl.bitOffset() % 8;
        int n = (lead + fl.width() + 7) / 8;
        VReg base = f.header().ptr();
        if (fl.byteAligned()) {
            storeBigEndian(base, byteOff, n, value, at);
            return;
        }
        int shift = n * 8 - lead - fl.width();
        long fieldMask = Scalars.mask(fl.width()) << shift;
        VReg raw = loadBigEndian(base, byteOff, n, at);
        VReg kept = g.alu(AluOp.AND, raw, Operand.imm(~fieldMask & Scalars.mask(n * 8)), at);
        VReg placed = shift == 0 ? value : g.alu(AluOp.LSH, value, shift, at);
        VReg merged = g.alu(AluOp.OR, kept, placed, at);
        storeBigEndian(base, byteOff, n, merged, at);
    }

    /** Copies {@code n} bytes from {@code src + so} to {@code dst + doff} (no overlap), in pieces. */
    void copyBytes(VReg dst, int doff, VReg src, int so, int n, Span at) {
        for (int[] p : pieces(so, n)) {
            copyPiece(dst, doff + p[0] - so, src, p[0], p[1], at);
        }
    }

    /** As {@link #copyBytes}, where {@code dst} is an 8-aligned stack slot. */
    void copyToStack(VReg dst, int doff, VReg src, int so, int n, Span at) {
        for (int[] p : pieces(doff, n, true)) {
            copyPiece(dst, p[0], src, so + p[0] - doff, p[1], at);
        }
    }

    /** As {@link #copyBytes}, where {@code src} is an 8-aligned stack slot. */
    void copyFromStack(VReg dst, int doff, VReg src, int so, int n, Span at) {
        for (int[] p : pieces(so, n, true)) {
            copyPiece(dst, doff + p[0] - so, src, p[0], p[1], at);
        }
    }

    private void copyPiece(VReg dst, int doff, VReg src, int so, int bytes, Span at) {
        VReg v = g.load(size(bytes), src, so, at);
        g.store(size(bytes), dst, doff, v, at);
    }
}
