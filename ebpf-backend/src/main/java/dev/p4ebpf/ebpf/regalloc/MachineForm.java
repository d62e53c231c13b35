package dev.p4ebpf.ebpf.regalloc;

import dev.p4ebpf.ebpf.insn.Reg;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.VReg;
import java.util.Map;
import java.util.Optional;

/**
 * A function in the shape the allocator and the emitter work on: every ALU operation in BPF's
 * two-address form ({@code dst = dst op src}), every 64-bit immediate operand within the signed
 * 32 bits an instruction can hold, and calls, parameters and returns going through registers
 * {@code fixed} to a physical register (r1–r5 arguments, r0 results).
 *
 * @param function the rewritten function
 * @param fixed    virtual register id → the physical register it must be in
 */
public record MachineForm(LFunction function, Map<Integer, Reg> fixed) {
    public MachineForm {
        fixed = Map.copyOf(fixed);
    }

    public Optional<Reg> fixedReg(VReg v) {
        return Optional.ofNullable(fixed.get(v.id()));
    }
}
