package dev.p4ebpf.ebpf.insn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates blocks with every instruction shape and random operands: each ALU op in both classes
 * with both source kinds, every byte-order form, every jump condition in both classes, goto and
 * gotol, all calls, all loads/stores/atomics of every legal size, every LD_IMM64 form, the legacy
 * loads. Jump targets are random instruction starts inside the block.
 */
final class InsnCorpus {
    private final Random rnd;

    InsnCorpus(long seed) {
        this.rnd = new Random(seed);
    }

    /** Every shape at least once, shuffled, with jumps given as labels bound in the block. */
    Code labelledBlock() {
        List<Insn> shapes = everyShape();
        java.util.Collections.shuffle(shapes, rnd);
        List<Integer> jumpers = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            if (needsTarget(shapes.get(i))) {
                jumpers.add(i);
            }
        }
        Code.Builder b = Code.builder();
        int[] labelAt = new int[shapes.size()];
        for (int i = 0; i < shapes.size(); i++) {
            labelAt[i] = rnd.nextInt(shapes.size());
        }
        java.util.Map<Integer, List<Label>> bindAt = new java.util.TreeMap<>();
        for (int j : jumpers) {
            bindAt.computeIfAbsent(labelAt[j], k -> new ArrayList<>()).add(new Label("L" + j));
        }
        for (int i = 0; i < shapes.size(); i++) {
            for (Label l : bindAt.getOrDefault(i, List.of())) {
                b.bind(l);
            }
            Insn insn = shapes.get(i);
            b.emit(needsTarget(insn) ? retarget(insn, new Label("L" + i)) : insn);
        }
        return b.build();
    }

    static boolean needsTarget(Insn insn) {
        return insn instanceof Insn.Branch || insn instanceof Insn.Goto || insn instanceof Insn.CallLocal
                || (insn instanceof Insn.LoadImm64 l && l.value() instanceof Imm64.Func);
    }

    static Insn retarget(Insn insn, Target t) {
        return switch (insn) {
            case Insn.Branch b -> new Insn.Branch(b.jmp32(), b.op(), b.dst(), b.src(), t, b.meta());
            case Insn.Goto g -> new Insn.Goto(g.wide(), t, g.meta());
            case Insn.CallLocal c -> new Insn.CallLocal(t, c.meta());
            case Insn.LoadImm64 l -> new Insn.LoadImm64(l.dst(), new Imm64.Func(t), l.meta());
            default -> insn;
        };
    }

    List<Insn> everyShape() {
        List<Insn> out = new ArrayList<>();
        for (Alu a : Alu.values()) {
            out.add(a.imm(reg(), imm()));
            out.add(a.reg(reg(), reg()));
        }
        for (Alu64 a : Alu64.values()) {
            out.add(a.imm(reg(), imm()));
            out.add(a.reg(reg(), reg()));
        }
        out.add(Alu.neg(reg()));
        out.add(Alu64.neg(reg()));
        out.add(Alu.movsx8(reg(), reg()));
        out.add(Alu.movsx16(reg(), reg()));
        out.add(Alu64.movsx8(reg(), reg()));
        out.add(Alu64.movsx16(reg(), reg()));
        out.add(Alu64.movsx32(reg(), reg()));
        for (int bits : new int[] {16, 32, 64}) {
            out.add(Alu.be(reg(), bits));
            out.add(Alu.le(reg(), bits));
            out.add(Alu64.bswap(reg(), bits));
        }
        Label placeholder = new Label("placeholder");
        for (Jmp j : Jmp.values()) {
            out.add(j.imm(reg(), imm(), placeholder));
            out.add(j.reg(reg(), reg(), placeholder));
        }
        for (Jmp32 j : Jmp32.values()) {
            out.add(j.imm(reg(), imm(), placeholder));
            out.add(j.reg(reg(), reg(), placeholder));
        }
        out.add(Jmp.ja(placeholder));
        out.add(Jmp32.ja(placeholder));
        out.add(Call.helper(Helper.values()[rnd.nextInt(Helper.values().length)]));
        out.add(Call.helper(rnd.nextInt()));
        out.add(Call.local(placeholder));
        out.add(new Insn.CallKfunc(rnd.nextInt(), (short) rnd.nextInt(), Meta.NONE));
        out.add(Jmp.exit());
        for (Size s : Size.values()) {
            out.add(Mem.ldx(s, reg(), reg(), off()));
            out.add(Mem.stx(s, reg(), off(), reg()));
            out.add(Mem.st(s, reg(), off(), imm()));
            if (s != Size.DW) {
                out.add(Mem.ldxs(s, reg(), reg(), off()));
                out.add(Mem.ldAbs(s, imm()));
                out.add(Mem.ldInd(s, reg(), imm()));
            }
        }
        for (AtomicOp op : AtomicOp.values()) {
            out.add(Mem.atomic(Size.W, op, reg(), off(), reg()));
            out.add(Mem.atomic(Size.DW, op, reg(), off(), reg()));
        }
        out.add(LdImm64.imm(reg(), rnd.nextLong()));
        out.add(LdImm64.func(reg(), placeholder));
        out.add(LdImm64.mapFd(reg(), rnd.nextInt()));
        out.add(LdImm64.mapFdValue(reg(), rnd.nextInt(), rnd.nextInt()));
        out.add(LdImm64.btfId(reg(), rnd.nextInt(), rnd.nextInt()));
        out.add(LdImm64.mapIdx(reg(), rnd.nextInt()));
        out.add(LdImm64.mapIdxValue(reg(), rnd.nextInt(), rnd.nextInt()));
        return out;
    }

    /** Symbolic references outside the block: maps, map values, external calls and function loads. */
    List<Insn> externalShapes() {
        return List.of(LdImm64.map(reg(), "map_" + rnd.nextInt(100)), LdImm64.mapValue(reg(), ".rodata", rnd.nextInt(64)),
                Call.local("sub_" + rnd.nextInt(100)), LdImm64.func(reg(), new Label("cb_" + rnd.nextInt(100))));
    }

    Reg reg() {
        return Reg.of(rnd.nextInt(11));
    }

    int imm() {
        return switch (rnd.nextInt(4)) {
            case 0 -> 0;
            case 1 -> rnd.nextInt(256) - 128;
            case 2 -> rnd.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            default -> rnd.nextInt();
        };
    }

    int off() {
        return rnd.nextInt(65536) - 32768;
    }
}
