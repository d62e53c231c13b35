/**
 * Optimization of LIR functions: one small {@link dev.p4ebpf.ebpf.opt.LPass} per transformation,
 * run in the order {@link dev.p4ebpf.ebpf.opt.Pipelines#standard()} lists. Every pass preserves what
 * the function computes exactly under BPF semantics ({@link dev.p4ebpf.ebpf.opt.Semantics}); the LIR
 * is not SSA, so data-flow passes ({@link dev.p4ebpf.ebpf.opt.ForwardFlow}) track redefinitions and
 * rules that look through a register to its definition demand a single definition.
 */
package dev.p4ebpf.ebpf.opt;
