package dev.p4ebpf.ebpf.object;

import dev.p4ebpf.ebpf.btf.BtfExt;
import dev.p4ebpf.ebpf.btf.BtfExtCodec;
import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.EncodeException;
import dev.p4ebpf.ebpf.insn.Encoded;
import dev.p4ebpf.ebpf.insn.Encoder;
import dev.p4ebpf.ebpf.insn.Insn;
import dev.p4ebpf.ebpf.insn.Label;
import dev.p4ebpf.ebpf.insn.Reloc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links one program of a {@link BpfObject} the way libbpf does before loading: appends every
 * {@code .text} subprogram it reaches (transitively, each once, in first-call order), resolves
 * the BPF-to-BPF calls to relative offsets, and rebases func_info and line_info.
 */
public final class Linker {
    private Linker() {
    }

    /** Links {@code programName}; fails if a jump does not fit (the object was built wrong). */
    public static LinkedProgram link(BpfObject obj, String programName) throws EncodeException {
        ProgramSpec prog = obj.program(programName).orElseThrow(() -> new IllegalArgumentException(
                "the object has no program " + programName + " (it has " + obj.programs().stream()
                        .map(ProgramSpec::name).toList() + ")"));
        List<FuncSpec> layout = reachable(obj, prog.body());
        Code.Builder b = Code.builder();
        List<LinkedProgram.Placed> placed = new ArrayList<>();
        int slot = 0;
        for (FuncSpec f : layout) {
            placed.add(new LinkedProgram.Placed(f.name(), slot));
            append(b, f);
            slot += f.code().slots();
        }
        Encoded enc = Encoder.encode(b.build());
        for (Reloc r : enc.relocs()) {
            if (r.kind() == Reloc.Kind.CALL || r.kind() == Reloc.Kind.FUNC) {
                throw new IllegalStateException("unresolved call of " + r.symbol() + " after linking");
            }
        }
        boolean withBtf = layout.stream().allMatch(f -> f.btfFunc() != 0);
        List<BtfExt.FuncInfo> fi = new ArrayList<>();
        List<BtfExt.LineInfo> li = new ArrayList<>();
        if (withBtf) {
            boolean anyLines = layout.stream().anyMatch(f -> !f.lines().isEmpty());
            for (int i = 0; i < layout.size(); i++) {
                int base = placed.get(i).slot();
                fi.add(new BtfExt.FuncInfo(base, layout.get(i).btfFunc()));
                if (anyLines) {
                    linesWithStart(layout.get(i)).forEach(l -> li.add(rebase(l, base)));
                }
            }
        }
        var strings = obj.encodeBtf().strings();
        return new LinkedProgram(prog, obj.license(), enc.bytes(), enc.relocs(), placed,
                BtfExtCodec.kernelFuncInfo(fi, 0), fi.size(), BtfExtCodec.kernelLineInfo(li, strings, 0), li.size());
    }

    /**
     * A function's line info with a record at its first instruction, as the kernel requires of
     * every function once any line info is given (copied from its first record, or empty text).
     */
    static List<BtfExt.LineInfo> linesWithStart(FuncSpec f) {
        if (!f.lines().isEmpty() && f.lines().getFirst().insn() == 0) {
            return f.lines();
        }
        List<BtfExt.LineInfo> out = new ArrayList<>();
        BtfExt.LineInfo first = f.lines().isEmpty() ? null : f.lines().getFirst();
        out.add(first == null ? new BtfExt.LineInfo(0, "", "", 0, 0)
                : new BtfExt.LineInfo(0, first.file(), first.text(), first.line(), first.column()));
        out.addAll(f.lines());
        return out;
    }

    private static BtfExt.LineInfo rebase(BtfExt.LineInfo l, int base) {
        return new BtfExt.LineInfo(l.insn() + base, l.file(), l.text(), l.line(), l.column());
    }

    private static List<FuncSpec> reachable(BpfObject obj, FuncSpec main) {
        Map<String, FuncSpec> seen = new LinkedHashMap<>();
        seen.put(main.name(), main);
        Deque<FuncSpec> work = new ArrayDeque<>(List.of(main));
        while (!work.isEmpty()) {
            for (String callee : work.removeFirst().calledFunctions()) {
                if (!seen.containsKey(callee)) {
                    FuncSpec f = obj.subprogram(callee).orElseThrow();
                    seen.put(callee, f);
                    work.addLast(f);
                }
            }
        }
        return List.copyOf(seen.values());
    }

    /** Appends a function, renaming its local labels so that they cannot clash with another's. */
    private static void append(Code.Builder b, FuncSpec f) {
        Code c = f.code();
        var byIndex = c.labelsByIndex();
        Set<String> local = new LinkedHashSet<>(c.labels().keySet());
        for (int i = 0; i < c.size(); i++) {
            for (String l : byIndex.getOrDefault(i, List.of())) {
                b.bind(new Label(f.name() + "::" + l));
            }
            if (i == 0) {
                b.bind(new Label(f.name()));
            }
            b.emit(relabel(c.insns().get(i), f.name(), local));
        }
    }

    private static Insn relabel(Insn insn, String fn, Set<String> local) {
        return switch (insn) {
            case Insn.Branch br when br.target() instanceof Label l ->
                    new Insn.Branch(br.jmp32(), br.op(), br.dst(), br.src(), new Label(fn + "::" + l.name()), br.meta());
            case Insn.Goto g when g.target() instanceof Label l -> new Insn.Goto(g.wide(), new Label(fn + "::" + l.name()), g.meta());
            case Insn.CallLocal c when c.target() instanceof Label l ->
                    new Insn.CallLocal(new Label(local.contains(l.name()) ? fn + "::" + l.name() : l.name()), c.meta());
            case Insn.LoadImm64 ld when ld.value() instanceof dev.p4ebpf.ebpf.insn.Imm64.Func f
                    && f.target() instanceof Label l -> new Insn.LoadImm64(ld.dst(), new dev.p4ebpf.ebpf.insn.Imm64.Func(
                    new Label(local.contains(l.name()) ? fn + "::" + l.name() : l.name())), ld.meta());
            default -> insn;
        };
    }
}
