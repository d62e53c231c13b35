package dev.p4ebpf.driver.prog;

import java.util.HexFormat;

/** What the kernel reports about a loaded program (BPF_OBJ_GET_INFO_BY_FD). */
public record ProgramInfo(int id, int type, String name, byte[] tag, int ifindex, int xlatedBytes, int jitedBytes) {

    /** The number of BPF instructions after the verifier's rewrites (bpftool's "xlated" size / 8). */
    public int translatedInstructions() {
        return xlatedBytes / 8;
    }

    public String typeName() {
        return ProgramAttributes.typeName(type);
    }

    /** The program's tag as bpftool prints it (16 hex digits). */
    public String tagHex() {
        return HexFormat.of().formatHex(tag);
    }
}
