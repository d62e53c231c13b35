/**
 * From allocated LIR to BPF instructions: {@link dev.p4ebpf.ebpf.emit.Emitter} (instruction
 * selection, {@link dev.p4ebpf.ebpf.emit.BlockOrder block layout}, spans into metadata) and
 * {@link dev.p4ebpf.ebpf.emit.Codegen}, the whole way from an LIR function through the optimizer and
 * the allocator to a {@link dev.p4ebpf.ebpf.insn.Code} block ready for the object builder.
 */
package dev.p4ebpf.ebpf.emit;
