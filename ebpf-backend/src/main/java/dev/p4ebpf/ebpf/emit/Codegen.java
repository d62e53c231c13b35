package dev.p4ebpf.ebpf.emit;

import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.opt.Pipeline;
import dev.p4ebpf.ebpf.regalloc.Allocation;
import dev.p4ebpf.ebpf.regalloc.RegisterAllocator;

/**
 * LIR function → BPF code: the optimization pipeline, register allocation and emission, in that
 * order.
 *
 * @param optimized  the function after the pipeline
 * @param allocation the allocation of it
 * @param code       the emitted instructions
 */
public record Codegen(LFunction optimized, Allocation allocation, Code code) {

    /**
     * @throws dev.p4ebpf.ebpf.regalloc.FrameTooLargeException when the frame exceeds 512 bytes
     */
    public static Codegen compile(LFunction f, Pipeline pipeline) {
        LFunction opt = pipeline.run(f);
        Allocation a = RegisterAllocator.allocate(opt);
        return new Codegen(opt, a, Emitter.emit(a));
    }
}
