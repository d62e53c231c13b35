package dev.p4ebpf.ebpf.insn;

import dev.p4ebpf.ir.diag.Span;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Prints instructions as {@code llvm-objdump -d --mcpu=v4} does: one line per instruction with
 * its slot number, its bytes and its {@link InsnText text}; a {@code <symbol>:} header where a
 * symbol starts; jump targets annotated with the symbol they land in ({@code <f+0x18>}); and,
 * like {@code llvm-objdump -r}, a relocation line under each relocated instruction.
 *
 * <p>When instructions carry a {@link Meta#span() span} and a source is given, the P4 source line an
 * instruction came from is printed above it (once per run of instructions from the same line), as
 * {@code ; file:line: text}. A {@link Meta#comment() comment} follows the instruction after
 * {@code  // }. Neither appears in llvm's output.
 *
 * @param symbols     slot → symbol name starting there (function and label names)
 * @param relocations slot → relocation text printed under the instruction, e.g.
 *                    {@code R_BPF_64_64\tflows}
 * @param source      maps a span to the text of its first source line, if the caller has the file
 */
public record Disassembler(NavigableMap<Integer, String> symbols, Map<Integer, String> relocations,
                           Function<Span, Optional<String>> source) {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    public Disassembler {
        symbols = new TreeMap<>(symbols);
        relocations = Map.copyOf(relocations);
    }

    /** No symbols, no relocations, no source. */
    public static Disassembler plain() {
        return new Disassembler(new TreeMap<>(), Map.of(), s -> Optional.empty());
    }

    public Disassembler withSymbols(SortedMap<Integer, String> more) {
        return new Disassembler(new TreeMap<>(more), relocations, source);
    }

    public Disassembler withRelocations(Map<Integer, String> more) {
        return new Disassembler(symbols, more, source);
    }

    public Disassembler withSource(Function<Span, Optional<String>> lines) {
        return new Disassembler(symbols, relocations, lines);
    }

    /** The standard relocation text for an encoder relocation ({@code R_BPF_64_64\tname}). */
    public static String relocationText(Reloc r) {
        return (r.kind() == Reloc.Kind.CALL ? "R_BPF_64_32" : "R_BPF_64_64") + "\t" + r.symbol();
    }

    /**
     * Lists a block as {@code llvm-objdump -dr} would list its encoding: labels become offsets
     * annotated with the block's labels (added to this disassembler's symbols), references outside
     * the block show their placeholder bytes with a relocation line, and each instruction keeps its
     * metadata (source line, comment).
     */
    public String listing(Code code) throws EncodeException {
        Encoded enc = Encoder.encode(code);
        int[] slotAt = code.slotOffsets();
        TreeMap<Integer, String> syms = new TreeMap<>(symbols);
        code.labelsByIndex().forEach((idx, names) -> syms.putIfAbsent(slotAt[idx], names.getFirst()));
        TreeMap<Integer, String> rel = new TreeMap<>(relocations);
        for (Reloc r : enc.relocs()) {
            rel.putIfAbsent(r.slot(), relocationText(r));
        }
        List<Insn> shown = new java.util.ArrayList<>();
        try {
            List<Insn> raw = Decoder.decode(enc.bytes()).insns();
            for (int i = 0; i < raw.size(); i++) {
                shown.add(raw.get(i).withMeta(code.insns().get(i).meta()));
            }
        } catch (DecodeException e) {
            throw new EncodeException(e.byteOffset() / Encoder.SLOT, "encodes to bytes that do not decode: " + e.reason());
        }
        return new Disassembler(syms, rel, source).print(enc.bytes(), shown);
    }

    /**
     * Prints already encoded bytes with the instructions decoded from them (index-aligned; pass
     * {@link Decoder#decode} output or a block whose encoding these bytes are, to keep its metadata).
     */
    public String print(byte[] bytes, List<Insn> insns) {
        StringBuilder out = new StringBuilder();
        int slot = 0;
        String lastSource = null;
        for (Insn insn : insns) {
            String sym = symbols.get(slot);
            if (sym != null) {
                out.append(slot == 0 && out.isEmpty() ? "" : "\n").append("%016x <%s>:\n".formatted(slot * 8L, sym));
            }
            String src = sourceLine(insn.meta().span());
            if (src != null && !src.equals(lastSource)) {
                out.append("; ").append(src).append('\n');
            }
            lastSource = src == null ? lastSource : src;
            int len = insn.slots() * Encoder.SLOT;
            out.append("%8d:\t%s\t%s".formatted(slot, HEX.formatHex(bytes, slot * 8, slot * 8 + len), textAt(insn, slot)));
            if (!insn.meta().comment().isEmpty()) {
                out.append("  // ").append(insn.meta().comment());
            }
            out.append('\n');
            String rel = relocations.get(slot);
            if (rel != null) {
                out.append("\t\t%016x:  %s\n".formatted(slot * 8L, rel));
            }
            slot += insn.slots();
        }
        return out.toString();
    }

    private String sourceLine(Span span) {
        if (span.isNone()) {
            return null;
        }
        return source.apply(span).map(text -> span.file() + ":" + span.line() + ": " + text.strip()).orElse(null);
    }

    /** The instruction text with its jump target annotated by symbol, as llvm does. */
    private String textAt(Insn insn, int slot) {
        String text = InsnText.of(insn);
        Target t = switch (insn) {
            case Insn.Branch b -> b.target();
            case Insn.Goto g -> g.target();
            default -> null;
        };
        if (t instanceof Offset(int d)) {
            String where = annotate(slot + 1L + d);
            return where == null ? text : text + " <" + where + ">";
        }
        return text;
    }

    private String annotate(long target) {
        if (target < 0 || target > Integer.MAX_VALUE) {
            return null;
        }
        var at = symbols.floorEntry((int) target);
        if (at == null) {
            return null;
        }
        long delta = (target - at.getKey()) * 8;
        return delta == 0 ? at.getValue() : at.getValue() + "+0x" + Long.toHexString(delta);
    }
}
