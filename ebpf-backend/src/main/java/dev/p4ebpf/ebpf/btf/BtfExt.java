package dev.p4ebpf.ebpf.btf;

import java.util.List;

/**
 * The content of a {@code .BTF.ext} section: per ELF program section, the BTF {@code FUNC} of each
 * function ({@code func_info}), the source line of instructions ({@code line_info}), and CO-RE
 * relocations. Instruction positions are slot indices within the section (the ELF encoding stores
 * byte offsets; {@link BtfExtCodec} converts). Strings are resolved; the codec stores them in the
 * {@code .BTF} string table.
 */
public record BtfExt(List<Section<FuncInfo>> funcInfo, List<Section<LineInfo>> lineInfo,
                     List<Section<CoreRelo>> coreRelo) {

    public static final BtfExt EMPTY = new BtfExt(List.of(), List.of(), List.of());

    public BtfExt {
        funcInfo = List.copyOf(funcInfo);
        lineInfo = List.copyOf(lineInfo);
        coreRelo = List.copyOf(coreRelo);
    }

    /** The records of one ELF section, in instruction order. */
    public record Section<T>(String name, List<T> records) {
        public Section {
            records = List.copyOf(records);
        }
    }

    /** Function starting at slot {@code insn} has BTF type {@code typeId} (a {@code FUNC}). */
    public record FuncInfo(int insn, int typeId) {
    }

    /**
     * Instruction {@code insn} comes from {@code file} line {@code line}, column {@code column}
     * (column 0–1023); {@code text} is the source line itself, which the kernel prints in its
     * verifier log.
     */
    public record LineInfo(int insn, String file, String text, int line, int column) {
        public LineInfo {
            if (line < 0 || line >= 1 << 22 || column < 0 || column >= 1 << 10) {
                throw new IllegalArgumentException("line " + line + " column " + column + " do not fit line_col");
            }
        }
    }

    /** A CO-RE relocation of instruction {@code insn} (read and kept, not applied by p4ebpf). */
    public record CoreRelo(int insn, int typeId, String accessString, int kind) {
    }

    public boolean isEmpty() {
        return funcInfo.isEmpty() && lineInfo.isEmpty() && coreRelo.isEmpty();
    }

    /** The func_info records of ELF section {@code name}, empty if none. */
    public List<FuncInfo> funcInfo(String name) {
        return funcInfo.stream().filter(s -> s.name().equals(name)).findFirst().map(Section::records).orElse(List.of());
    }

    /** The line_info records of ELF section {@code name}, empty if none. */
    public List<LineInfo> lineInfo(String name) {
        return lineInfo.stream().filter(s -> s.name().equals(name)).findFirst().map(Section::records).orElse(List.of());
    }
}
