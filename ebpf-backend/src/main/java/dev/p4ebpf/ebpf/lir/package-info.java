/**
 * The low-level IR of the eBPF backend: functions of basic blocks over unlimited 64-bit virtual
 * registers, with memory operations on explicit base pointers. The lowering from the P4 IR produces
 * it; optimization passes rewrite it; register allocation maps it onto r0–r9 and the stack; emission
 * turns it into {@link dev.p4ebpf.ebpf.insn.Insn}s.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>A {@link dev.p4ebpf.ebpf.lir.LFunction} has parameters (virtual registers that hold r1…r5
 *       on entry: {@code ctx} for a program) and blocks; the first block is the entry. Every block
 *       ends with exactly one {@link dev.p4ebpf.ebpf.lir.LTerm terminator}.</li>
 *   <li>Virtual registers are not in SSA form: a register may be assigned in several places. Each
 *       holds a 64-bit value; {@code is32} operations write the low 32 bits and zero the upper ones,
 *       exactly as BPF's 32-bit ALU does.</li>
 *   <li>Memory: {@link dev.p4ebpf.ebpf.lir.LInsn.Load}/{@code Store} at {@code base + offset}
 *       where {@code base} holds a pointer (ctx, packet, stack, map value) and the offset is a
 *       constant, the form the verifier tracks. {@link dev.p4ebpf.ebpf.lir.LInsn.StackAddr} gives
 *       the address of a {@link dev.p4ebpf.ebpf.lir.StackSlot}; the allocator lays the frame out.
 *       Packet accesses must be dominated by a bounds check the lowering emits (a compare of
 *       {@code data + n} against {@code data_end}); the optimizer may remove a check dominated by
 *       a wider one on the same base.</li>
 *   <li>Calls: {@link dev.p4ebpf.ebpf.lir.LInsn.CallHelper} takes at most five operands (they go to
 *       r1…r5) and may define a result (r0). Helpers clobber r0–r5; values live across a call must
 *       sit in r6–r9 or be spilled. A {@link dev.p4ebpf.ebpf.lir.LInsn.LoadMap} defines a map pointer
 *       (LD_IMM64 of a map), usable only as a helper argument.</li>
 *   <li>Every instruction and terminator carries the {@link dev.p4ebpf.ir.diag.Span} of the P4
 *       source it came from ({@code Span.NONE} for glue), which ends up in line info.</li>
 * </ul>
 */
package dev.p4ebpf.ebpf.lir;
