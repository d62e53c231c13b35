package dev.p4ebpf.ebpf.insn;

import static dev.p4ebpf.ebpf.insn.Opcodes.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a {@link Code} block to the 8-byte little-endian wire format (LD_IMM64 takes two
 * slots). Labels bound in the block become relative offsets. References outside the block — maps,
 * map values, and calls or function loads of labels the block does not bind — are encoded the way
 * clang leaves them in an ELF object ({@code imm = 0}, or {@code −1} for calls, with
 * {@code src_reg = 0} for map loads) and listed as {@link Reloc}s.
 */
public final class Encoder {
    /** Bytes per instruction slot. */
    public static final int SLOT = 8;

    private final Code code;
    private final int[] slotAt;
    private final List<Reloc> relocs = new ArrayList<>();
    private final ByteBuffer out;

    private Encoder(Code code) {
        this.code = code;
        this.slotAt = code.slotOffsets();
        this.out = ByteBuffer.allocate(slotAt[code.size()] * SLOT).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Encodes {@code code}; fails on an unbound jump label or an offset that does not fit. */
    public static Encoded encode(Code code) throws EncodeException {
        Encoder e = new Encoder(code);
        for (int i = 0; i < code.size(); i++) {
            e.encodeOne(i, code.insns().get(i));
        }
        return new Encoded(e.out.array(), e.relocs);
    }

    private void encodeOne(int i, Insn insn) throws EncodeException {
        switch (insn) {
            case Insn.Arith a -> slot((a.wide() ? ALU64 : ALU) | a.op().code() | srcBit(a.src()),
                    a.dst(), srcReg(a.src()), a.op().off(), immOf(a.src()));
            case Insn.Endian e -> slot((e.order() == dev.p4ebpf.ebpf.insn.ByteOrder.BSWAP ? ALU64 : ALU) | END
                    | (e.order() == dev.p4ebpf.ebpf.insn.ByteOrder.BE ? SRC_X : 0), e.dst(), 0, 0, e.bits());
            case Insn.Branch b -> slot((b.jmp32() ? JMP32 : JMP) | b.op().code() | srcBit(b.src()),
                    b.dst(), srcReg(b.src()), jumpOffset(i, b.target(), false), immOf(b.src()));
            case Insn.Goto g -> {
                int delta = jumpOffset(i, g.target(), g.wide());
                slot(g.wide() ? JMP32 | JA : JMP | JA, Reg.R0, 0, g.wide() ? 0 : delta, g.wide() ? delta : 0);
            }
            case Insn.CallHelper c -> slot(JMP | CALL, Reg.R0, 0, 0, c.id());
            case Insn.CallLocal c -> slot(JMP | CALL, Reg.R0, PSEUDO_CALL, 0,
                    externalOrOffset(i, c.target(), Reloc.Kind.CALL, -1));
            case Insn.CallKfunc k -> slot(JMP | CALL, Reg.R0, PSEUDO_KFUNC_CALL, k.btfFdIndex(), k.btfId());
            case Insn.Exit x -> slot(JMP | EXIT, Reg.R0, 0, 0, 0);
            case Insn.Load l -> slot(LDX | l.size().code() | (l.signExtend() ? MODE_MEMSX : MODE_MEM),
                    l.dst(), l.src().number(), l.off(), 0);
            case Insn.Store s -> slot((s.src() instanceof Reg ? STX : ST) | s.size().code() | MODE_MEM,
                    s.dst(), srcReg(s.src()), s.off(), immOf(s.src()));
            case Insn.Atomic a -> slot(STX | a.size().code() | MODE_ATOMIC, a.dst(), a.src().number(), a.off(),
                    a.op().code());
            case Insn.LoadImm64 l -> encodeImm64(i, l);
            case Insn.LoadAbs l -> slot(LD | l.size().code() | MODE_ABS, Reg.R0, 0, 0, l.imm());
            case Insn.LoadInd l -> slot(LD | l.size().code() | MODE_IND, Reg.R0, l.src().number(), 0, l.imm());
        }
    }

    private void encodeImm64(int i, Insn.LoadImm64 l) throws EncodeException {
        long value;
        int src;
        switch (l.value()) {
            case Imm64.Const c -> {
                value = c.value();
                src = 0;
            }
            case Imm64.Map m -> {
                relocs.add(new Reloc(slotAt[i], Reloc.Kind.MAP, m.name()));
                value = 0;
                src = 0;
            }
            case Imm64.MapValue m -> {
                relocs.add(new Reloc(slotAt[i], Reloc.Kind.MAP_VALUE, m.name()));
                value = m.offset() & 0xffffffffL;
                src = 0;
            }
            case Imm64.Func f -> {
                value = externalOrOffset(i, f.target(), Reloc.Kind.FUNC, -1) & 0xffffffffL;
                src = PseudoSrc.FUNC.code();
            }
            case Imm64.Pseudo p -> {
                value = (p.imm() & 0xffffffffL) | ((long) p.next() << 32);
                src = p.kind().code();
            }
        }
        slot(LD_IMM64, l.dst(), src, 0, (int) value);
        slot(0, Reg.R0, 0, 0, (int) (value >>> 32));
    }

    private void slot(int opcode, Reg dst, int srcReg, int off, int imm) {
        out.put((byte) opcode);
        out.put((byte) (dst.number() | srcReg << 4));
        out.putShort((short) off);
        out.putInt(imm);
    }

    /** The relative offset of a jump; jumps must stay inside the block. */
    private int jumpOffset(int i, Target target, boolean wide) throws EncodeException {
        return switch (target) {
            case Offset o -> o.delta();
            case Label l -> {
                Integer at = code.labels().get(l.name());
                if (at == null) {
                    throw new EncodeException(i, "jump to label '" + l.name() + "', which this block does not bind;"
                            + " bind it with Code.Builder.bind before the target instruction");
                }
                int delta = slotAt[at] - (slotAt[i] + 1);
                if (!wide && (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE)) {
                    throw new EncodeException(i, "jump to '" + l.name() + "' is " + delta
                            + " slots away, too far for a 16-bit offset; use Jmp32.ja (gotol)"
                            + " or invert the condition around a gotol");
                }
                yield delta;
            }
        };
    }

    /** A call or function reference: a bound label gives an offset, an unbound one a relocation. */
    private int externalOrOffset(int i, Target target, Reloc.Kind kind, int placeholder) {
        return switch (target) {
            case Offset o -> o.delta();
            case Label l -> {
                Integer at = code.labels().get(l.name());
                if (at != null) {
                    yield slotAt[at] - (slotAt[i] + 1);
                }
                relocs.add(new Reloc(slotAt[i], kind, l.name()));
                yield placeholder;
            }
        };
    }

    private static int srcBit(Src src) {
        return src instanceof Reg ? SRC_X : 0;
    }

    private static int srcReg(Src src) {
        return src instanceof Reg r ? r.number() : 0;
    }

    private static int immOf(Src src) {
        return src instanceof Imm(int v) ? v : 0;
    }
}
