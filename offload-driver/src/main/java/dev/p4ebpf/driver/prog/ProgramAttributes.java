package dev.p4ebpf.driver.prog;

import dev.p4ebpf.driver.sys.Uapi;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * What BPF_PROG_LOAD is told about one program: its type, its instructions as encoded bytes (8 per
 * slot, map references already holding descriptors), license and name, and where the instructions
 * came from so that a verifier rejection can name the source line.
 *
 * @param ifindex the device a program is offloaded to (prog_ifindex), or 0
 * @param expectedAttachType the attach type the program is meant for, or 0
 * @param btf the loaded BTF and the func_info/line_info records that describe the instructions, or empty
 * @param source maps an instruction index to a description of its source (e.g. {@code basic.p4:42:
 *     hdr.ipv4.ttl = ...}), or empty when unknown
 */
public record ProgramAttributes(String name, int type, byte[] instructions, String license, int ifindex,
        int expectedAttachType, Optional<BtfInfo> btf, IntFunction<Optional<String>> source) {

    /**
     * BTF that describes a program: the descriptor of a loaded BTF object, and
     * {@code bpf_func_info} (8-byte records) and {@code bpf_line_info} (16-byte records) arrays.
     */
    public record BtfInfo(int btfFd, byte[] funcInfo, int funcInfoCount, byte[] lineInfo, int lineInfoCount) {
        public BtfInfo {
            funcInfo = funcInfo.clone();
            lineInfo = lineInfo.clone();
        }

        @Override
        public byte[] funcInfo() {
            return funcInfo.clone();
        }

        @Override
        public byte[] lineInfo() {
            return lineInfo.clone();
        }
    }

    public ProgramAttributes {
        if (instructions.length == 0 || instructions.length % 8 != 0) {
            throw new IllegalArgumentException("program " + name + ": " + instructions.length
                    + " bytes is not a whole number of instructions");
        }
        instructions = instructions.clone();
    }

    public static ProgramAttributes of(String name, int type, byte[] instructions) {
        return new ProgramAttributes(name, type, instructions, "GPL", 0, 0, Optional.empty(), i -> Optional.empty());
    }

    public ProgramAttributes withIfindex(int newIfindex) {
        return new ProgramAttributes(name, type, instructions, license, newIfindex, expectedAttachType, btf, source);
    }

    public ProgramAttributes withSource(IntFunction<Optional<String>> newSource) {
        return new ProgramAttributes(name, type, instructions, license, ifindex, expectedAttachType, btf, newSource);
    }

    @Override
    public byte[] instructions() {
        return instructions.clone();
    }

    public int instructionCount() {
        return instructions.length / 8;
    }

    public static String typeName(int type) {
        return switch (type) {
            case Uapi.BPF_PROG_TYPE_XDP -> "xdp";
            case Uapi.BPF_PROG_TYPE_SCHED_CLS -> "sched_cls";
            case Uapi.BPF_PROG_TYPE_SCHED_ACT -> "sched_act";
            default -> "program type " + type;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProgramAttributes p && p.name.equals(name) && p.type == type
                && Arrays.equals(p.instructions, instructions) && p.license.equals(license) && p.ifindex == ifindex
                && p.expectedAttachType == expectedAttachType;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(instructions);
    }

    @Override
    public String toString() {
        return "program " + name + " (" + typeName(type) + ", " + instructionCount() + " instructions)";
    }
}
