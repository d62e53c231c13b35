package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.StackSlot;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The deparser: {@code emit} calls record, in order, the headers to write; {@link #finish} then
 * produces the packet. When the headers emitted are exactly the ones extracted, in the order they
 * were extracted, and all stayed in the packet, their fields were already written in place and
 * nothing more is done. Otherwise the headers are laid out anew: the ones in the packet are saved to
 * the stack, the packet's head grows or shrinks to the new length ({@code bpf_xdp_adjust_head}), and
 * every valid header is written in emit order, followed by the untouched payload.
 */
final class Emits {
    /** The stack space the general path may use to save headers before moving the packet's head. */
    private static final int MAX_SAVED = 256;

    private final Lowering lo;
    private final Gen g;
    private final List<Loc> emitted = new ArrayList<>();
    private boolean conditional;

    Emits(Lowering lo) {
        this.lo = lo;
        this.g = lo.g;
    }

    /** Set while lowering code that may not run (inside an if or switch): emits there are not supported. */
    void conditional(boolean c) {
        conditional = c;
    }

    boolean isConditional() {
        return conditional;
    }

    void emit(Call.MethodCall m) throws Unsupported {
        Span at = m.span();
        if (conditional) {
            throw new Unsupported("emit under a condition", "the deparser emits unconditionally (emit skips invalid headers); emit the header"
                    + " unconditionally and make it invalid where it must not be written",
                    at);
        }
        flatten(lo.loc(m.args().getFirst().expr()), at);
    }

    private void flatten(Loc l, Span at) throws Unsupported {
        switch (l) {
            case Loc.Header h -> emitted.add(h);
            case Loc.PacketHeader p -> emitted.add(p);
            case Loc.Struct s -> {
                for (Loc f : s.fields().values()) {
                    flatten(f, at);
                }
            }
            case Loc.Stack s -> {
                for (Loc e : s.elements()) {
                    flatten(e, at);
                }
            }
            case Loc.Union u -> {
                for (Loc e : u.members().values()) {
                    flatten(e, at);
                }
            }
            default -> throw new Unsupported("emit of " + l.type(), "emit writes headers, header stacks and unions and structures of them; emit those", at);
        }
    }

    /**
     * Writes the packet. {@code inPlaceUnchanged} says the analysis proved the fast path's other
     * conditions (acyclic parser, each header extracted once, in an order all parse paths follow, no
     * header kept in the packet set invalid). Branches to {@code fail} when the packet cannot be resized.
     */
    void finish(boolean inPlaceUnchanged, List<Loc> extracted, int fail, Span at) throws Unsupported {
        if (inPlaceUnchanged && emitted.equals(extracted) && emitted.stream().allMatch(Loc.PacketHeader.class::isInstance)) {
            return;
        }
        int saved = 0;
        for (Loc l : emitted) {
            saved += bytes(l);
        }
        if (saved > MAX_SAVED) {
            throw new Unsupported("a deparser that rewrites " + saved + " bytes of headers",
                    "at most " + MAX_SAVED + " bytes of headers can be moved; emit fewer or smaller headers", at);
        }
        StackSlot save = lo.g.b.slot(Math.max(8, (saved + 7) & ~7), 8, "saved_headers");
        VReg base = g.stackAddr(save, 0, at);
        VReg out = g.imm(0, at);
        int offset = 0;
        for (Loc l : emitted) {
            int n = bytes(l);
            VReg valid = lo.calls.valid(l, at);
            if (l instanceof Loc.PacketHeader p) {
                int copy = g.block();
                int next = g.block();
                g.branch(JmpOp.JNE, valid, Operand.imm(0), copy, next, at);
                g.enter(copy);
                int fixed = p.layout().fixedBytes();
                lo.access.copyToStack(base, offset, p.ptr(), 0, fixed, at);
                if (p.varbitBytes().isPresent()) {
                    varbitBytes(p, p.varbitBytes().get(), p.ptr(), base, offset + fixed, true, fail, at);
                }
                g.jump(next, at);
                g.enter(next);
            }
            out = g.alu(AluOp.ADD, out, g.alu(AluOp.MUL, valid, written(l), at), at);
            offset += n;
        }
        VReg delta = g.alu(AluOp.SUB, lo.packet.consumed(at), out, at);
        VReg rc = g.call(Helper.XDP_ADJUST_HEAD, List.of(lo.packet.ctx, delta), at);
        int resized = g.block();
        g.branch(JmpOp.JNE, rc, Operand.imm(0), fail, resized, at);
        g.enter(resized);
        lo.packet.reload(at);
        VReg cursor = g.mov(lo.packet.data, "out", at);
        offset = 0;
        for (Loc l : emitted) {
            int n = bytes(l);
            VReg valid = lo.calls.valid(l, at);
            int write = g.block();
            int next = g.block();
            g.branch(JmpOp.JNE, valid, Operand.imm(0), write, next, at);
            g.enter(write);
            switch (l) {
                case Loc.PacketHeader p -> {
                    int fixed = p.layout().fixedBytes();
                    VReg past = lo.packet.require(cursor, Operand.imm(fixed), fail, at);
                    lo.access.copyFromStack(cursor, 0, base, offset, fixed, at);
                    if (p.varbitBytes().isPresent()) {
                        varbitBytes(p, p.varbitBytes().get(), cursor, base, offset + fixed, false, fail, at);
                        past = g.alu(AluOp.ADD, past, p.varbitBytes().get(), at);
                    }
                    g.set(cursor, past, at);
                }
                case Loc.Header h -> {
                    VReg past = lo.packet.require(cursor, Operand.imm(n), fail, at);
                    serialize(h, cursor, at);
                    g.set(cursor, past, at);
                }
                default -> throw new IllegalStateException();
            }
            g.jump(next, at);
            g.enter(next);
            offset += n;
        }
    }

    private void serialize(Loc.Header h, VReg at0, Span at) {
        HeaderLayout layout = HeaderLayout.of(h.type());
        var view = new Loc.PacketHeader(h.type(), h.valid(), at0, layout);
        for (HeaderLayout.FieldLayout f : layout.fields()) {
            lo.copyScalar(new Loc.PacketField(view, f), h.fields().get(f.name()), at);
        }
    }

    /**
     * Copies the bytes of {@code p}'s varbit field one at a time, each under its own bounds check (so
     * that the verifier, which cannot follow a run-time length, sees every access checked): when
     * {@code save}, from the header at {@code packet} to the stack at {@code stack + slotOffset},
     * else from there to the header at {@code packet}.
     */
    private void varbitBytes(Loc.PacketHeader p, VReg count, VReg packet, VReg stack, int slotOffset, boolean save,
                             int fail, Span at) {
        HeaderLayout.FieldLayout v = p.layout().varbit().orElseThrow();
        int fixed = p.layout().fixedBytes();
        for (int i = 0; i < v.width() / 8; i++) {
            int copy = g.block();
            int next = g.block();
            g.branch(JmpOp.JGT, count, Operand.imm(i), copy, next, at);
            g.enter(copy);
            lo.packet.require(packet, Operand.imm(fixed + i + 1), fail, at);
            if (save) {
                g.store(Size.B, stack, slotOffset + i, g.load(Size.B, packet, fixed + i, at), at);
            } else {
                g.store(Size.B, packet, fixed + i, g.load(Size.B, stack, slotOffset + i, at), at);
            }
            g.jump(next, at);
            g.enter(next);
        }
    }

    /** The bytes a valid header takes in the packet. */
    private VReg written(Loc l) {
        Span at = Span.NONE;
        if (l instanceof Loc.PacketHeader p && p.varbitBytes().isPresent()) {
            return g.alu(AluOp.ADD, p.varbitBytes().get(), p.layout().fixedBytes(), at);
        }
        return g.imm(bytes(l), at);
    }

    private static int bytes(Loc l) {
        return switch (l) {
            case Loc.Header h -> HeaderLayout.of(h.type()).bytes();
            case Loc.PacketHeader p -> p.layout().bytes();
            default -> throw new IllegalStateException("not a header: " + l);
        };
    }
}
