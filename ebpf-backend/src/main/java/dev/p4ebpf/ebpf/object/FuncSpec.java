package dev.p4ebpf.ebpf.object;

import dev.p4ebpf.ebpf.btf.BtfExt;
import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.Imm64;
import dev.p4ebpf.ebpf.insn.Insn;
import dev.p4ebpf.ebpf.insn.Label;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One BPF function: a program's body or a {@code .text} subprogram.
 *
 * <p>Invariants: the name is a non-empty C identifier-like symbol; {@code btfFunc} is 0 (no BTF)
 * or the id of a BTF {@code FUNC} in the object's BTF; {@code lines} are sorted by instruction
 * slot, each slot relative to the function's first instruction and inside the function.
 *
 * @param code    the instructions; calls of other functions are {@code Call.local(name)} of labels
 *                the block does not bind, map loads are {@code LdImm64.map(reg, mapName)}
 * @param btfFunc BTF id of the function's {@code FUNC} type, 0 if none
 * @param lines   line info for the kernel verifier log, slot-relative to the function start
 */
public record FuncSpec(String name, Code code, int btfFunc, List<BtfExt.LineInfo> lines) {

    public FuncSpec {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a function needs a name");
        }
        if (code.size() == 0) {
            throw new IllegalArgumentException("function " + name + " has no instructions");
        }
        if (btfFunc < 0) {
            throw new IllegalArgumentException("function " + name + ": negative BTF id");
        }
        lines = List.copyOf(lines);
        int slots = code.slots();
        int last = -1;
        for (BtfExt.LineInfo l : lines) {
            if (l.insn() < last || l.insn() >= slots) {
                throw new IllegalArgumentException("function " + name + ": line info at slot " + l.insn()
                        + " is out of order or outside its " + slots + " slots");
            }
            last = l.insn();
        }
    }

    /** A function without BTF or line info. */
    public static FuncSpec of(String name, Code code) {
        return new FuncSpec(name, code, 0, List.of());
    }

    /** Names of the functions this one calls or takes the address of (labels it does not bind). */
    public Set<String> calledFunctions() {
        Set<String> out = new LinkedHashSet<>();
        for (Insn i : code.insns()) {
            Label l = switch (i) {
                case Insn.CallLocal c when c.target() instanceof Label lb -> lb;
                case Insn.LoadImm64 ld when ld.value() instanceof Imm64.Func f && f.target() instanceof Label lb -> lb;
                default -> null;
            };
            if (l != null && !code.labels().containsKey(l.name())) {
                out.add(l.name());
            }
        }
        return out;
    }

    /** Names of the maps this function loads ({@code LdImm64.map} / {@code mapValue}). */
    public Set<String> referencedMaps() {
        Set<String> out = new LinkedHashSet<>();
        for (Insn i : code.insns()) {
            if (i instanceof Insn.LoadImm64 ld) {
                switch (ld.value()) {
                    case Imm64.Map m -> out.add(m.name());
                    case Imm64.MapValue m -> out.add(m.name());
                    default -> {
                    }
                }
            }
        }
        return out;
    }
}
