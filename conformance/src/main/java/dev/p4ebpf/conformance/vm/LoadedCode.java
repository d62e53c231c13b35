package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.btf.BtfExt;
import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.DecodeException;
import dev.p4ebpf.ebpf.insn.Decoder;
import dev.p4ebpf.ebpf.insn.EncodeException;
import dev.p4ebpf.ebpf.insn.Imm64;
import dev.p4ebpf.ebpf.insn.Insn;
import dev.p4ebpf.ebpf.insn.InsnText;
import dev.p4ebpf.ebpf.insn.Offset;
import dev.p4ebpf.ebpf.insn.Target;
import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.FuncSpec;
import dev.p4ebpf.ebpf.object.LinkedProgram;
import dev.p4ebpf.ebpf.object.Linker;
import dev.p4ebpf.ebpf.object.ProgramSpec;
import dev.p4ebpf.ebpf.object.ProgramType;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;

/**
 * One program as the VM runs it: linked as the kernel gets it ({@link Linker}: subprograms appended,
 * calls resolved), decoded back into instructions (map references by name), with each jump's and
 * call's target as an instruction index and each instruction's source span — the P4 span it carries,
 * else the C line the object's line info gives for it.
 */
final class LoadedCode {
    final String name;
    final ProgramType type;
    final Insn[] insns;
    /** For jumps, local calls and function loads: the target's instruction index; else -1. */
    final int[] target;
    final Span[] spans;
    /** The slot (kernel instruction index) of each instruction. */
    final int[] slot;

    private LoadedCode(String name, ProgramType type, Insn[] insns, int[] target, Span[] spans, int[] slot) {
        this.name = name;
        this.type = type;
        this.insns = insns;
        this.target = target;
        this.spans = spans;
        this.slot = slot;
    }

    static LoadedCode load(BpfObject obj, ProgramSpec spec) throws VmException {
        LinkedProgram linked;
        Code code;
        try {
            linked = Linker.link(obj, spec.name());
            code = Decoder.decode(linked.insns(), linked.relocs());
        } catch (EncodeException | DecodeException | IllegalArgumentException | IllegalStateException e) {
            throw VmException.setup(VmFault.INVALID_SETUP, "program " + spec.name() + " cannot be linked and decoded: "
                    + e.getMessage());
        }
        Insn[] insns = code.insns().toArray(Insn[]::new);
        int[] slotOf = code.slotOffsets();
        int slots = slotOf[insns.length];
        int[] indexOfSlot = new int[slots + 1];
        java.util.Arrays.fill(indexOfSlot, -1);
        for (int i = 0; i < insns.length; i++) {
            indexOfSlot[slotOf[i]] = i;
        }
        int[] target = new int[insns.length];
        for (int i = 0; i < insns.length; i++) {
            target[i] = targetOf(insns[i], slotOf[i], indexOfSlot, slots, spec.name(), i);
        }
        Span[] spans = spans(obj, linked, slotOf, insns.length);
        return new LoadedCode(spec.name(), spec.type(), insns, target, spans, java.util.Arrays.copyOf(slotOf, insns.length));
    }

    private static int targetOf(Insn insn, int slot, int[] indexOfSlot, int slots, String prog, int index)
            throws VmException {
        Target t = switch (insn) {
            case Insn.Branch b -> b.target();
            case Insn.Goto g -> g.target();
            case Insn.CallLocal c -> c.target();
            case Insn.LoadImm64 l when l.value() instanceof Imm64.Func f -> f.target();
            default -> null;
        };
        if (t == null) {
            return -1;
        }
        if (!(t instanceof Offset(int delta))) {
            throw VmException.setup(VmFault.INVALID_SETUP, "program " + prog + ", instruction " + index + ": the call of "
                    + t + " is not resolved after linking");
        }
        long to = (long) slot + 1 + delta;
        if (to < 0 || to >= slots || indexOfSlot[(int) to] < 0) {
            throw VmException.setup(VmFault.INVALID_SETUP, "program " + prog + ", instruction " + index + ": target "
                    + t + " is not an instruction");
        }
        return indexOfSlot[(int) to];
    }

    /** Spans by instruction index, from instruction metadata first and line info second. */
    private static Span[] spans(BpfObject obj, LinkedProgram linked, int[] slotOf, int count) {
        Span[] bySlot = new Span[slotOf[count] + 1];
        for (LinkedProgram.Placed p : linked.functions()) {
            FuncSpec f = p.name().equals(linked.spec().name()) ? linked.spec().body()
                    : obj.subprogram(p.name()).orElse(null);
            if (f == null) {
                continue;
            }
            List<BtfExt.LineInfo> lines = f.lines();
            int[] offs = f.code().slotOffsets();
            int li = -1;
            for (int i = 0; i < f.code().size(); i++) {
                while (li + 1 < lines.size() && lines.get(li + 1).insn() <= offs[i]) {
                    li++;
                }
                Span s = f.code().insns().get(i).meta().span();
                if (s.isNone() && li >= 0 && lines.get(li).line() > 0) {
                    BtfExt.LineInfo l = lines.get(li);
                    s = Span.at(l.file(), l.line(), l.column());
                }
                int at = p.slot() + offs[i];
                if (at < bySlot.length) {
                    bySlot[at] = s;
                }
            }
        }
        Span[] out = new Span[count];
        for (int i = 0; i < count; i++) {
            Span s = bySlot[slotOf[i]];
            out[i] = s == null ? Span.NONE : s;
        }
        return out;
    }

    /** The text of instruction {@code i} as llvm-objdump prints it. */
    String text(int i) {
        return InsnText.of(insns[i]);
    }
}
