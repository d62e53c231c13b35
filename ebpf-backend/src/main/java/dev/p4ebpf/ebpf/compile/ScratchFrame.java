package dev.p4ebpf.ebpf.compile;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.LTerm;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.StackSlot;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ebpf.lower.Lowered;
import dev.p4ebpf.ebpf.object.MapType;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves a function's stack slots (keys, saved headers, default values: everything the lowering put
 * on the stack) into the value of a one-entry per-CPU array, for programs whose frame would pass
 * the 512 bytes BPF allows. The function starts by looking the value up (a miss, which cannot
 * happen for an array, ends the program as {@code abort} says); every slot access then goes
 * through the value's pointer. Each CPU runs one program at a time, so its value is private to the
 * run; spills stay on the stack.
 */
final class ScratchFrame {
    /** The scratch map's name in the object. */
    static final String MAP = "scratch";

    private final Map<Integer, Integer> offsets = new HashMap<>();
    private final VReg base;
    private int size;

    private ScratchFrame(LFunction f) {
        int maxReg = 0;
        for (VReg p : f.params()) {
            maxReg = Math.max(maxReg, p.id());
        }
        for (LBlock b : f.blocks()) {
            for (LInsn i : b.insns()) {
                maxReg = Math.max(maxReg, maxReg(i));
            }
        }
        this.base = new VReg(maxReg + 1, "scratch");
        for (StackSlot s : f.slots()) {
            int align = Math.max(8, s.align());
            size = (size + align - 1) & -align;
            offsets.put(s.id(), size);
            size += s.size();
        }
        size = Math.max(8, (size + 7) & -8);
    }

    /** {@code lowered} with its stack slots in the scratch map (added to its maps). */
    static Lowered apply(Lowered lowered, int abort) {
        LFunction f = lowered.function();
        var s = new ScratchFrame(f);
        var keySlot = new StackSlot(f.slots().stream().mapToInt(StackSlot::id).max().orElse(0) + 1, 8, 8, "scratch_key");
        int entryId = f.blocks().stream().mapToInt(LBlock::id).max().orElseThrow() + 1;
        int abortId = entryId + 1;
        Span at = Span.NONE;
        VReg key = new VReg(s.base.id() + 1, "scratch_key");
        VReg map = new VReg(s.base.id() + 2, "scratch_map");
        var entry = new LBlock(entryId, List.of(
                new LInsn.StoreStack(Size.W, keySlot, 0, Operand.imm(0), at),
                new LInsn.StackAddr(key, keySlot, 0, at),
                new LInsn.LoadMap(map, MAP, at),
                new LInsn.CallHelper(Helper.MAP_LOOKUP_ELEM, List.of(map, key), Optional.of(s.base), at)),
                new LTerm.Branch(JmpOp.JEQ, false, s.base, Operand.imm(0), abortId, f.entry().id(), at));
        var blocks = new ArrayList<LBlock>();
        blocks.add(entry);
        for (LBlock b : f.blocks()) {
            blocks.add(new LBlock(b.id(), b.insns().stream().map(s::rewrite).toList(), b.term()));
        }
        blocks.add(new LBlock(abortId, List.of(), new LTerm.Return(Operand.imm(abort), at)));
        var function = new LFunction(f.name(), f.params(), blocks, List.of(keySlot));
        var maps = new ArrayList<>(lowered.maps());
        maps.add(new Lowered.MapLayout(MAP, MapType.PERCPU_ARRAY, 4, s.size, 1, 0, "", List.of(), "", List.of(),
                Optional.empty()));
        return new Lowered(function, maps, lowered.controlPlane(), lowered.section());
    }

    private LInsn rewrite(LInsn i) {
        return switch (i) {
            case LInsn.StackAddr a -> new LInsn.Alu(AluOp.ADD, false, a.dst(), base,
                    Operand.imm(offsets.get(a.slot().id()) + a.offset()), a.span());
            case LInsn.LoadStack l -> new LInsn.Load(l.size(), l.dst(), base, offsets.get(l.slot().id()) + l.offset(),
                    l.span());
            case LInsn.StoreStack st -> new LInsn.Store(st.size(), base, offsets.get(st.slot().id()) + st.offset(),
                    st.value(), st.span());
            default -> i;
        };
    }

    private static int maxReg(LInsn i) {
        int m = i.def().map(VReg::id).orElse(0);
        for (VReg u : i.uses()) {
            m = Math.max(m, u.id());
        }
        return m;
    }
}
