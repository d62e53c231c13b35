package dev.p4ebpf.ebpf.object;

import dev.p4ebpf.ebpf.btf.BtfExt;
import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.Disassembler;
import dev.p4ebpf.ebpf.insn.EncodeException;
import dev.p4ebpf.ebpf.insn.Insn;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A human-readable listing of a whole {@link BpfObject}: maps, then every code section in the
 * syntax of {@code llvm-objdump -dr}, with the source line of each run of instructions (from the
 * object's line info, so it works for objects read back from ELF) printed above it. Jumps are
 * shown as offsets (labels are not kept in ELF); instruction comments follow their instruction.
 */
public final class ObjectListing {
    private ObjectListing() {
    }

    public static String of(BpfObject obj) throws EncodeException {
        StringBuilder out = new StringBuilder();
        out.append("license: ").append(obj.license()).append('\n');
        for (MapSpec m : obj.maps()) {
            out.append("map %s: %s key %d value %d max_entries %d flags 0x%x%n".formatted(m.name(),
                    m.type().name().toLowerCase(java.util.Locale.ROOT), m.keySize(), m.valueSize(), m.maxEntries(),
                    m.flags()));
        }
        for (BpfObject.CodeSection s : obj.codeSections()) {
            out.append("\nDisassembly of section ").append(s.name()).append(":\n");
            for (FuncSpec f : s.functions()) {
                Map<String, String> text = new HashMap<>();
                Code withSpans = withLineSpans(f, text);
                Disassembler d = Disassembler.plain().withSymbols(new TreeMap<>(Map.of(0, f.name())))
                        .withSource(span -> Optional.ofNullable(text.get(span.file() + ":" + span.line())));
                out.append('\n').append(d.listing(withSpans));
            }
        }
        return out.toString();
    }

    /** The function's code with each instruction carrying the span of the line info covering it. */
    private static Code withLineSpans(FuncSpec f, Map<String, String> text) {
        List<Insn> insns = new ArrayList<>();
        TreeMap<Integer, BtfExt.LineInfo> bySlot = new TreeMap<>();
        f.lines().forEach(l -> bySlot.put(l.insn(), l));
        int slot = 0;
        for (Insn i : f.code().withOffsets().insns()) {
            var at = bySlot.floorEntry(slot);
            if (at != null) {
                BtfExt.LineInfo l = at.getValue();
                text.putIfAbsent(l.file() + ":" + l.line(), l.text());
                i = i.withSpan(Span.at(l.file(), l.line(), l.column()));
            }
            insns.add(i);
            slot += i.slots();
        }
        return Code.of(insns);
    }
}
