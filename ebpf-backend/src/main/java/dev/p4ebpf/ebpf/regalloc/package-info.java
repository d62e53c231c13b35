/**
 * Register allocation: {@link dev.p4ebpf.ebpf.regalloc.RegisterAllocator#allocate} rewrites a
 * function into {@link dev.p4ebpf.ebpf.regalloc.MachineForm} (calling convention, two-address
 * form), colours its interference graph onto r0–r9 by iterated register coalescing, spills to
 * 8-byte stack slots until it fits, and lays out the frame ({@link
 * dev.p4ebpf.ebpf.regalloc.FrameLayout}, at most 512 bytes, else {@link
 * dev.p4ebpf.ebpf.regalloc.FrameTooLargeException}). {@link dev.p4ebpf.ebpf.regalloc.Liveness} and
 * {@link dev.p4ebpf.ebpf.regalloc.Rewrite} are shared with the optimizer.
 */
package dev.p4ebpf.ebpf.regalloc;
