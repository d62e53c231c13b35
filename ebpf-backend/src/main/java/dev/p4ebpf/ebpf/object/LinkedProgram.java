package dev.p4ebpf.ebpf.object;

import dev.p4ebpf.ebpf.insn.Reloc;
import java.util.List;

/**
 * One program ready for {@code BPF_PROG_LOAD}: its instructions with every subprogram it reaches
 * appended and every BPF-to-BPF call resolved, plus what the loader still has to patch.
 *
 * <p>To load: create the maps; for each {@link Reloc} of kind {@link Reloc.Kind#MAP} set byte 1 of
 * slot {@code slot} to {@code dst | 1 << 4} ({@code BPF_PSEUDO_MAP_FD}) and the first {@code imm}
 * (bytes 4–7) to the map's fd; for {@link Reloc.Kind#MAP_VALUE} use {@code src_reg = 2}, move the
 * first {@code imm} (the value offset) to the second slot's {@code imm} and put the fd in the first.
 * Load the object's BTF ({@link BpfObject#encodeBtf()}{@code .btf()}) and pass its fd as
 * {@code prog_btf_fd} with {@code funcInfo}/{@code lineInfo} (record sizes
 * {@link #FUNC_INFO_REC_SIZE}/{@link #LINE_INFO_REC_SIZE}); both are empty when the object has
 * no BTF function info.
 *
 * @param insns      the instruction bytes, 8 per slot
 * @param relocs     map references by slot (kinds MAP and MAP_VALUE only)
 * @param functions  the functions laid out, program first, with their slot offsets
 * @param funcInfo   {@code bpf_func_info} records (instruction index, BTF FUNC id)
 * @param lineInfo   {@code bpf_line_info} records, string offsets into the encoded BTF's strings
 */
public record LinkedProgram(ProgramSpec spec, String license, byte[] insns, List<Reloc> relocs,
                            List<Placed> functions, byte[] funcInfo, int funcInfoCount,
                            byte[] lineInfo, int lineInfoCount) {

    public static final int FUNC_INFO_REC_SIZE = 8;
    public static final int LINE_INFO_REC_SIZE = 16;

    /** A function in the linked program and the slot it starts at. */
    public record Placed(String name, int slot) {
    }

    public LinkedProgram {
        insns = insns.clone();
        funcInfo = funcInfo.clone();
        lineInfo = lineInfo.clone();
        relocs = List.copyOf(relocs);
        functions = List.copyOf(functions);
    }

    @Override
    public byte[] insns() {
        return insns.clone();
    }

    @Override
    public byte[] funcInfo() {
        return funcInfo.clone();
    }

    @Override
    public byte[] lineInfo() {
        return lineInfo.clone();
    }

    /** Instruction count ({@code insn_cnt}). */
    public int insnCount() {
        return insns.length / 8;
    }

    /**
     * The instruction bytes with every map reference resolved to a created map's fd, ready for
     * {@code BPF_PROG_LOAD}: {@code BPF_PSEUDO_MAP_FD} for map loads, {@code BPF_PSEUDO_MAP_VALUE}
     * (fd, then value offset) for map value addresses.
     */
    public byte[] withMapFds(java.util.function.ToIntFunction<String> fdOfMap) {
        byte[] out = insns.clone();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(out).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (Reloc r : relocs) {
            int at = r.slot() * 8;
            int fd = fdOfMap.applyAsInt(r.symbol());
            int dst = out[at + 1] & 0x0f;
            if (r.kind() == Reloc.Kind.MAP) {
                out[at + 1] = (byte) (dst | 1 << 4);
            } else {
                out[at + 1] = (byte) (dst | 2 << 4);
                b.putInt(at + 12, b.getInt(at + 4));
            }
            b.putInt(at + 4, fd);
        }
        return out;
    }

    /** Names of the maps the program uses, in first-use order. */
    public List<String> mapsUsed() {
        return relocs.stream().map(Reloc::symbol).distinct().toList();
    }
}
