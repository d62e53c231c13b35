package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.diag.Span;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Arithmetic on {@link Wide} values, limb by limb, without branches where BPF allows it: carries and
 * borrows come from the top bits of the operands and the result (a full adder's carry out is
 * {@code (a & b) | ((a | b) & ~s)}), so that a wide addition adds no paths for the verifier to walk.
 * Comparisons branch from the top limb down.
 */
final class WideOps {
    private final Gen g;

    WideOps(Gen g) {
        this.g = g;
    }

    /** The constant {@code v} (reduced to {@code width} bits). */
    Wide constant(BigInteger v, int width, Span at) {
        BigInteger bits = v.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
        var limbs = new ArrayList<VReg>();
        for (int i = 0; i < Wide.count(width); i++) {
            limbs.add(g.imm(bits.shiftRight(64 * i).longValue(), at));
        }
        return new Wide(width, limbs);
    }

    /** A narrow canonical value of {@code from} bits as a {@code width}-bit value (sign-extended when {@code signed}). */
    Wide extend(VReg v, int from, int width, boolean signed, Span at) {
        return resize(new Wide(Math.min(from, 64), List.of(v)), width, signed, at);
    }

    /** {@code v} truncated or extended (zero, or sign when {@code signed}) to {@code width} bits. */
    Wide resize(Wide v, int width, boolean signed, Span at) {
        int n = Wide.count(width);
        if (width == v.width()) {
            return v;
        }
        var limbs = new ArrayList<VReg>();
        if (width < v.width()) {
            for (int i = 0; i < n; i++) {
                limbs.add(v.limb(i));
            }
            return top(limbs, width, at);
        }
        VReg topLimb = v.limb(v.size() - 1);
        VReg fill = null;
        if (signed) {
            topLimb = g.signExtend(topLimb, v.topBits(), at);
            fill = g.alu(AluOp.ARSH, topLimb, 63, at);
        }
        for (int i = 0; i < n; i++) {
            if (i < v.size() - 1) {
                limbs.add(v.limb(i));
            } else if (i == v.size() - 1) {
                limbs.add(topLimb);
            } else {
                limbs.add(signed ? fill : g.imm(0, at));
            }
        }
        return top(limbs, width, at);
    }

    /** Makes the top limb canonical for {@code width} bits. */
    private Wide top(List<VReg> limbs, int width, Span at) {
        var out = new ArrayList<>(limbs);
        int bits = width - 64 * (out.size() - 1);
        if (bits < 64) {
            out.set(out.size() - 1, g.truncate(out.getLast(), bits, at));
        }
        return new Wide(width, out);
    }

    /** Bits {@code [lo, lo + width)} of {@code v} as a narrow value ({@code width} ≤ 64). */
    VReg bits(Wide v, int lo, int width, Span at) {
        int i = lo / 64;
        int off = lo % 64;
        if (i >= v.size()) {
            return g.imm(0, at);
        }
        VReg r = off == 0 ? v.limb(i) : g.alu(AluOp.RSH, v.limb(i), off, at);
        if (off != 0 && off + width > 64 && i + 1 < v.size()) {
            r = g.alu(AluOp.OR, r, g.alu(AluOp.LSH, v.limb(i + 1), 64 - off, at), at);
        }
        // the value is canonical: bits at and above its width are zero already
        return width < 64 && lo + width < v.width() ? g.truncate(r, width, at) : r;
    }

    /** Bits {@code [lo, lo + width)} of {@code v}, as a value of {@code width} bits. */
    Wide slice(Wide v, int lo, int width, Span at) {
        var limbs = new ArrayList<VReg>();
        for (int i = 0; i < Wide.count(width); i++) {
            limbs.add(bits(v, lo + 64 * i, Math.min(64, width - 64 * i), at));
        }
        return new Wide(width, limbs);
    }

    Wide and(Wide a, Wide b, Span at) {
        return bitwise(AluOp.AND, a, b, at);
    }

    Wide or(Wide a, Wide b, Span at) {
        return bitwise(AluOp.OR, a, b, at);
    }

    Wide xor(Wide a, Wide b, Span at) {
        return bitwise(AluOp.XOR, a, b, at);
    }

    private Wide bitwise(AluOp op, Wide a, Wide b, Span at) {
        var limbs = new ArrayList<VReg>();
        for (int i = 0; i < a.size(); i++) {
            limbs.add(g.alu(op, a.limb(i), b.limb(i), at));
        }
        return new Wide(a.width(), limbs);
    }

    Wide not(Wide a, Span at) {
        var limbs = new ArrayList<VReg>();
        for (int i = 0; i < a.size(); i++) {
            limbs.add(g.alu(AluOp.XOR, a.limb(i), -1, at));
        }
        return top(limbs, a.width(), at);
    }

    /** {@code a + b} modulo 2^width. */
    Wide add(Wide a, Wide b, Span at) {
        var limbs = new ArrayList<VReg>();
        VReg carry = null;
        for (int i = 0; i < a.size(); i++) {
            VReg x = a.limb(i);
            VReg y = b.limb(i);
            VReg s = g.alu(AluOp.ADD, x, y, at);
            if (carry != null) {
                s = g.alu(AluOp.ADD, s, carry, at);
            }
            if (i + 1 < a.size()) {
                // carry out of bit 63: majority of x, y and the carry into it, which is x ^ y ^ s
                VReg both = g.alu(AluOp.AND, x, y, at);
                VReg either = g.alu(AluOp.OR, x, y, at);
                VReg notSum = g.alu(AluOp.XOR, s, -1, at);
                carry = g.alu(AluOp.RSH, g.alu(AluOp.OR, both, g.alu(AluOp.AND, either, notSum, at), at), 63, at);
            }
            limbs.add(s);
        }
        return top(limbs, a.width(), at);
    }

    /** {@code a - b} modulo 2^width. */
    Wide sub(Wide a, Wide b, Span at) {
        var limbs = new ArrayList<VReg>();
        VReg borrow = null;
        for (int i = 0; i < a.size(); i++) {
            VReg x = a.limb(i);
            VReg y = b.limb(i);
            VReg d = g.alu(AluOp.SUB, x, y, at);
            if (borrow != null) {
                d = g.alu(AluOp.SUB, d, borrow, at);
            }
            if (i + 1 < a.size()) {
                // borrow out of bit 63: majority of ~x, y and the borrow into it
                VReg notX = g.alu(AluOp.XOR, x, -1, at);
                VReg both = g.alu(AluOp.AND, notX, y, at);
                VReg either = g.alu(AluOp.OR, notX, y, at);
                borrow = g.alu(AluOp.RSH, g.alu(AluOp.OR, both, g.alu(AluOp.AND, either, d, at), at), 63, at);
            }
            limbs.add(d);
        }
        return top(limbs, a.width(), at);
    }

    /**
     * {@code a * b} modulo 2^width, schoolbook on 32-bit digits: each digit product fits 64 bits,
     * and a column's sum of product halves (fewer than 2^31 of them) plus the carry fits too.
     */
    Wide mul(Wide a, Wide b, Span at) {
        List<VReg> x = digits(a, at);
        List<VReg> y = digits(b, at);
        int n = x.size();
        var columns = new ArrayList<List<VReg>>();
        for (int k = 0; k < n; k++) {
            columns.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; i + j < n; j++) {
                VReg p = g.alu(AluOp.MUL, x.get(i), y.get(j), at);
                columns.get(i + j).add(g.truncate(p, 32, at));
                if (i + j + 1 < n) {
                    columns.get(i + j + 1).add(g.alu(AluOp.RSH, p, 32, at));
                }
            }
        }
        var out = new ArrayList<VReg>();
        VReg carry = null;
        for (int k = 0; k < n; k++) {
            VReg sum = carry;
            for (VReg t : columns.get(k)) {
                sum = sum == null ? t : g.alu(AluOp.ADD, sum, t, at);
            }
            out.add(g.truncate(sum, 32, at));
            carry = g.alu(AluOp.RSH, sum, 32, at);
        }
        var limbs = new ArrayList<VReg>();
        for (int m = 0; m < a.size(); m++) {
            limbs.add(g.alu(AluOp.OR, out.get(2 * m), g.alu(AluOp.LSH, out.get(2 * m + 1), 32, at), at));
        }
        return top(limbs, a.width(), at);
    }

    /** The 32-bit digits of {@code v}, least significant first (two per limb). */
    private List<VReg> digits(Wide v, Span at) {
        var out = new ArrayList<VReg>();
        for (VReg l : v.limbs()) {
            out.add(g.truncate(l, 32, at));
            out.add(g.alu(AluOp.RSH, l, 32, at));
        }
        return out;
    }

    Wide neg(Wide a, Span at) {
        return sub(constant(BigInteger.ZERO, a.width(), at), a, at);
    }

    /** {@code a << k} modulo 2^width. */
    Wide shl(Wide a, int k, Span at) {
        int q = k / 64;
        int r = k % 64;
        var limbs = new ArrayList<VReg>();
        for (int j = 0; j < a.size(); j++) {
            VReg lowPart = j - q >= 0 && k < a.width() ? (r == 0 ? a.limb(j - q) : g.alu(AluOp.LSH, a.limb(j - q), r, at))
                    : null;
            VReg carried = r != 0 && j - q - 1 >= 0 && k < a.width() ? g.alu(AluOp.RSH, a.limb(j - q - 1), 64 - r, at) : null;
            if (lowPart == null) {
                limbs.add(g.imm(0, at));
            } else {
                limbs.add(carried == null ? lowPart : g.alu(AluOp.OR, lowPart, carried, at));
            }
        }
        return top(limbs, a.width(), at);
    }

    /** {@code a >> k}: logical, or arithmetic (filling with the sign bit) when {@code signed}. */
    Wide shr(Wide a, int k, boolean signed, Span at) {
        if (!signed) {
            return resize(k >= a.width() ? constant(BigInteger.ZERO, 1, at) : slice(a, k, a.width() - k, at), a.width(),
                    false, at);
        }
        int n = a.size();
        var ext = new ArrayList<>(a.limbs());
        ext.set(n - 1, g.signExtend(a.limb(n - 1), a.topBits(), at));
        VReg sign = g.alu(AluOp.ARSH, ext.get(n - 1), 63, at);
        int kk = Math.min(k, a.width());
        int q = kk / 64;
        int r = kk % 64;
        var limbs = new ArrayList<VReg>();
        for (int j = 0; j < n; j++) {
            VReg lowPart = j + q < n ? ext.get(j + q) : sign;
            VReg high = j + q + 1 < n ? ext.get(j + q + 1) : sign;
            if (r == 0) {
                limbs.add(lowPart);
            } else {
                limbs.add(g.alu(AluOp.OR, g.alu(AluOp.RSH, lowPart, r, at), g.alu(AluOp.LSH, high, 64 - r, at), at));
            }
        }
        return top(limbs, a.width(), at);
    }

    /** {@code a ++ b}: a in the high bits. */
    Wide concat(Wide a, Wide b, Span at) {
        int w = a.width() + b.width();
        return or(shl(resize(a, w, false, at), b.width(), at), resize(b, w, false, at), at);
    }

    /** Branches to {@code t} when {@code a == b}, else to {@code f}. */
    void equal(Wide a, Wide b, int t, int f, Span at) {
        for (int i = a.size() - 1; i >= 0; i--) {
            int next = i > 0 ? g.block() : t;
            g.branch(JmpOp.JNE, a.limb(i), b.limb(i), f, next, at);
            if (i > 0) {
                g.enter(next);
            }
        }
    }

    /**
     * Branches to {@code t} when {@code a < b} (or {@code a <= b} with {@code orEqual}), else to
     * {@code f}; signed compares the top limbs as signed numbers.
     */
    void less(Wide a, Wide b, boolean orEqual, boolean signed, int t, int f, Span at) {
        int n = a.size();
        for (int i = n - 1; i >= 0; i--) {
            VReg x = a.limb(i);
            VReg y = b.limb(i);
            boolean top = i == n - 1;
            if (top && signed) {
                x = g.signExtend(x, a.topBits(), at);
                y = g.signExtend(y, b.topBits(), at);
            }
            boolean s = top && signed;
            if (i == 0) {
                JmpOp op = orEqual ? (s ? JmpOp.JSLE : JmpOp.JLE) : (s ? JmpOp.JSLT : JmpOp.JLT);
                g.b.branch(op, false, x, y, t, f, at);
                return;
            }
            int notLess = g.block();
            int next = g.block();
            g.b.branch(s ? JmpOp.JSLT : JmpOp.JLT, false, x, y, t, notLess, at);
            g.enter(notLess);
            g.b.branch(JmpOp.JNE, false, x, y, f, next, at);
            g.enter(next);
        }
    }

    /** Fresh registers holding a copy of {@code v}. */
    Wide copy(Wide v, String hint, Span at) {
        var limbs = new ArrayList<VReg>();
        for (VReg l : v.limbs()) {
            limbs.add(g.mov(l, hint, at));
        }
        return new Wide(v.width(), limbs);
    }

    /** Fresh, unset registers for a {@code width}-bit value. */
    Wide fresh(int width, String hint) {
        var limbs = new ArrayList<VReg>();
        for (int i = 0; i < Wide.count(width); i++) {
            limbs.add(g.reg(hint + "." + i));
        }
        return new Wide(width, limbs);
    }

    /** {@code dst = src}, limb by limb; through copies when {@code src} reads limbs of {@code dst} that it overwrites. */
    void set(Wide dst, Wide src, Span at) {
        Wide from = src;
        for (int i = 0; i < dst.size(); i++) {
            for (int j = i + 1; j < src.size(); j++) {
                if (src.limb(j).equals(dst.limb(i))) {
                    from = copy(src, "limb", at);
                }
            }
        }
        for (int i = 0; i < dst.size(); i++) {
            g.set(dst.limb(i), from.limb(i), at);
        }
    }
}
