package dev.p4ebpf.ebpf.lirtest;

import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.Disassembler;
import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.ObjectBuilder;
import java.util.Optional;

/** Small helpers for tests that put emitted code into objects and print it. */
public final class Programs {
    private Programs() {}

    /** An object with {@code code} as the XDP program {@code name}, GPL-licensed. */
    public static BpfObject xdp(String name, Code code) {
        return new ObjectBuilder("GPL", s -> Optional.empty()).program("xdp", name, code).build();
    }

    /** The llvm-style listing of {@code code}. */
    public static String listing(Code code) {
        try {
            return Disassembler.plain().listing(code);
        } catch (Exception e) {
            return "(cannot list: " + e.getMessage() + ")";
        }
    }
}
