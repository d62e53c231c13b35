package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The parser's view of the packet: extract, lookahead, advance, verify and length. Each checks that
 * the bytes are there (or the condition holds) and otherwise ends parsing with an error: the parser
 * error is set and control goes to the parser's reject path.
 */
final class Extraction {
    private final Lowering lo;
    private final Gen g;
    /** The error register and the block that rejects, while a parser is being lowered. */
    VReg error;
    int reject = -1;
    /** The headers extracted, in the order the extract calls appear, for the deparser's layout check. */
    final List<Loc> extracted = new ArrayList<>();

    Extraction(Lowering lo) {
        this.lo = lo;
        this.g = lo.g;
    }

    private void requireParser(String what, Span at) throws Unsupported {
        if (reject < 0) {
            throw new Unsupported(what + " outside the parser", "packet_in methods are called in parser states; move the call into one", at);
        }
    }

    /** Sets the parser error and rejects when {@code n} bytes are not available at the cursor. */
    private VReg need(Operand n, String errorName, Span at) {
        int tooShort = g.block();
        int ok = g.block();
        VReg past = g.alu(AluOp.ADD, lo.packet.cursor, n, at);
        g.b.branch(JmpOp.JGT, false, past, lo.packet.end, tooShort, ok, at);
        g.enter(tooShort);
        g.set(error, Operand.imm(lo.errorCode(errorName)), at);
        g.jump(reject, at);
        g.enter(ok);
        return past;
    }

    void extract(Call.MethodCall m) throws Unsupported {
        Span at = m.span();
        requireParser("extract", at);
        Loc target = lo.loc(m.args().getFirst().expr());
        if (m.args().size() == 2) {
            extractVarbit(target, m.args().get(1).expr(), at);
            return;
        }
        Type.Header h = switch (target) {
            case Loc.PacketHeader p -> p.type();
            case Loc.Header hd -> hd.type();
            default -> throw new Unsupported("extract into " + target.type(), "extract fills a header; extract into a header", at);
        };
        HeaderLayout layout = HeaderLayout.of(h);
        if (layout.bits() % 8 != 0) {
            throw new Unsupported("header " + h.name() + " of " + layout.bits() + " bits",
                    "headers must be a whole number of bytes; pad the header to a multiple of 8 bits", at);
        }
        VReg start = g.mov(lo.packet.cursor, "hdr", at);
        VReg past = need(Operand.imm(layout.bytes()), "PacketTooShort", at);
        switch (target) {
            case Loc.PacketHeader p -> {
                g.set(p.ptr(), start, at);
                g.set(p.valid(), Operand.imm(1), at);
            }
            case Loc.Header hd -> {
                var view = new Loc.PacketHeader(h, hd.valid(), start, layout);
                for (HeaderLayout.FieldLayout f : layout.fields()) {
                    lo.copyScalar(hd.fields().get(f.name()), new Loc.PacketField(view, f), at);
                }
                g.set(hd.valid(), Operand.imm(1), at);
            }
            default -> throw new IllegalStateException();
        }
        g.set(lo.packet.cursor, past, at);
        extracted.add(target);
        lo.unionMemberWritten(m.args().getFirst().expr(), at);
    }

    /**
     * {@code extract(h, bits)} of a header whose last field is a varbit, kept in the packet. The
     * fixed part is checked on its own (the verifier then knows its bytes are there), then the
     * whole. A length above the varbit's maximum is HeaderTooShort, one that is not a whole number
     * of bytes ParserInvalidArgument (core.p4's errors, as BMv2 and the reference interpreter do).
     */
    private void extractVarbit(Loc target, Expr bits, Span at) throws Unsupported {
        if (!(target instanceof Loc.PacketHeader p) || p.varbitBytes().isEmpty()) {
            throw new Unsupported("extract of a varbit header into " + target.type(), "a header with a varbit field"
                    + " stays in the packet: do not assign it, set it valid or pass it to something that writes it", at);
        }
        HeaderLayout layout = p.layout();
        HeaderLayout.FieldLayout v = layout.varbit().orElseThrow();
        if (layout.fields().getLast() != v || v.bitOffset() % 8 != 0) {
            throw new Unsupported("header " + p.type().name() + " with field " + v.name() + " in the middle",
                    "the varbit field must be the header's last field and start on a byte boundary", at);
        }
        VReg n = lo.exprs.value(bits);
        int tooLong = g.block();
        int inRange = g.block();
        int partial = g.block();
        int whole = g.block();
        g.branch(JmpOp.JGT, n, Operand.imm(v.width()), tooLong, inRange, at);
        g.enter(tooLong);
        g.set(error, Operand.imm(lo.errorCode("HeaderTooShort")), at);
        g.jump(reject, at);
        g.enter(inRange);
        g.branch(JmpOp.JSET, n, Operand.imm(7), partial, whole, at);
        g.enter(partial);
        g.set(error, Operand.imm(lo.errorCode("ParserInvalidArgument")), at);
        g.jump(reject, at);
        g.enter(whole);
        VReg bytes = g.alu(AluOp.RSH, n, 3, at);
        VReg start = g.mov(lo.packet.cursor, "hdr", at);
        need(Operand.imm(layout.fixedBytes()), "PacketTooShort", at);
        VReg past = need(g.alu(AluOp.ADD, bytes, layout.fixedBytes(), at), "PacketTooShort", at);
        g.set(p.ptr(), start, at);
        g.set(p.varbitBytes().get(), bytes, at);
        g.set(p.valid(), Operand.imm(1), at);
        g.set(lo.packet.cursor, past, at);
        extracted.add(target);
    }

    VReg lookahead(Call.MethodCall m) throws Unsupported {
        Span at = m.span();
        requireParser("lookahead", at);
        Type t = m.type();
        int bits = Scalars.width(t).orElseThrow(() -> new Unsupported("lookahead of " + t,
                "the eBPF backend looks ahead at integer types; look ahead at a bit<N>", at));
        return lookaheadWide(m).limb(0);
    }

    /** {@code lookahead<bit<N>>()} of any width: the first N bits at the cursor, checked to be there. */
    Wide lookaheadWide(Call.MethodCall m) throws Unsupported {
        Span at = m.span();
        requireParser("lookahead", at);
        Type t = m.type();
        int bits = Scalars.width(t).orElseThrow(() -> new Unsupported("lookahead of " + t,
                "the eBPF backend looks ahead at integer types; look ahead at a bit<N>", at));
        int bytes = (bits + 7) / 8;
        need(Operand.imm(bytes), "PacketTooShort", at);
        return lo.access.readWide(lo.packet.cursor, 0, bits, at);
    }

    /**
     * {@code advance(bits)}: by a constant number of bytes, or by a run-time amount. A run-time
     * amount that is not a whole number of bytes is ParserInvalidArgument (the cursor is a byte
     * pointer); one above {@value #MAX_ADVANCE} bytes is PacketTooShort (no frame is that long, and
     * the bound keeps the packet offsets the verifier tracks small).
     */
    void advance(Expr bits, Span at) throws Unsupported {
        requireParser("advance", at);
        if (bits instanceof Expr.IntLit lit) {
            if (lit.value().intValueExact() % 8 != 0) {
                throw new Unsupported("advance by " + lit.value() + " bits", "the cursor moves by whole bytes; advance by a"
                        + " multiple of 8", at);
            }
            VReg past = need(Operand.imm(lit.value().intValueExact() / 8), "PacketTooShort", at);
            g.set(lo.packet.cursor, past, at);
            return;
        }
        VReg n = lo.exprs.value(bits);
        int partial = g.block();
        int whole = g.block();
        int tooFar = g.block();
        int bounded = g.block();
        g.branch(JmpOp.JSET, n, Operand.imm(7), partial, whole, at);
        g.enter(partial);
        g.set(error, Operand.imm(lo.errorCode("ParserInvalidArgument")), at);
        g.jump(reject, at);
        g.enter(whole);
        VReg bytes = g.alu(AluOp.RSH, n, 3, at);
        g.branch(JmpOp.JGT, bytes, Operand.imm(MAX_ADVANCE), tooFar, bounded, at);
        g.enter(tooFar);
        g.set(error, Operand.imm(lo.errorCode("PacketTooShort")), at);
        g.jump(reject, at);
        g.enter(bounded);
        g.set(lo.packet.cursor, need(bytes, "PacketTooShort", at), at);
    }

    /** The largest run-time advance, in bytes. */
    static final int MAX_ADVANCE = 0x3fff;

    VReg length(Span at) {
        return g.truncate(g.alu(AluOp.SUB, g.mov(lo.packet.end, "end", at), lo.packet.data, at), 32, at);
    }

    void verify(Expr condition, Expr err, Span at) throws Unsupported {
        requireParser("verify", at);
        int fail = g.block();
        int ok = g.block();
        lo.exprs.cond(condition).branch(ok, fail);
        g.enter(fail);
        g.set(error, lo.exprs.value(err), at);
        g.jump(reject, at);
        g.enter(ok);
    }
}
