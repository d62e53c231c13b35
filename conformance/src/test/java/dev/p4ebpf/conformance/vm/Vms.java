package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.Insn;
import dev.p4ebpf.ebpf.insn.Jmp;
import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.MapType;
import dev.p4ebpf.ebpf.object.ObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds small VM programs from DSL instructions for the unit tests. */
final class Vms {
    private Vms() {
    }

    static final byte[] PACKET = Packets.eth(Packets.MAC_A, Packets.MAC_B, 0x0800, Packets.bytes(40, 1));

    /** An object with the program {@code p} in {@code section} and maps h (hash u32→u64), a (array 4×u64). */
    static VmProgram load(String section, Code code, Code... subprograms) throws VmException {
        ObjectBuilder ob = new ObjectBuilder("GPL", s -> Optional.empty());
        int u32 = ob.btf().integer("unsigned int", 4, false);
        int u64 = ob.btf().integer("unsigned long long", 8, false);
        ob.map(MapSpec.of("h", MapType.HASH, 2, u32, 4, u64, 8));
        ob.map(MapSpec.of("a", MapType.ARRAY, 4, u32, 4, u64, 8));
        for (int i = 0; i < subprograms.length; i++) {
            ob.subprogram("f" + i, 5, subprograms[i]);
        }
        ob.program(section, "p", code);
        return BpfVm.load(ob.build());
    }

    /** Runs {@code insns} followed by exit as an XDP program and returns r0. */
    static long eval(Insn... insns) throws VmException {
        List<Insn> all = new ArrayList<>(List.of(insns));
        all.add(Jmp.exit());
        return load("xdp", Code.of(all)).run("p", PACKET).returnValue();
    }

    /** The fault of running {@code code} as an XDP program. */
    static VmException fault(Code code) {
        try {
            load("xdp", code).run("p", PACKET);
        } catch (VmException e) {
            return e;
        }
        throw new AssertionError("the program ran without a fault");
    }
}
