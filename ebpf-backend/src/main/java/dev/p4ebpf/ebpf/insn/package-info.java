/**
 * The eBPF instruction model (ISA v1–v4, RFC 9669), its assembler DSL, encoder, decoder and
 * disassembler.
 *
 * <h2>Model</h2>
 * An instruction is an immutable {@link dev.p4ebpf.ebpf.insn.Insn} (a sealed family of records);
 * a function body or program section is a {@link dev.p4ebpf.ebpf.insn.Code} block: instructions plus
 * labels bound to instruction indices. Each instruction carries {@link dev.p4ebpf.ebpf.insn.Meta}
 * (the P4 {@link dev.p4ebpf.ir.diag.Span} it came from, a comment) that never takes part in equality.
 *
 * <h2>DSL</h2>
 * <pre>{@code
 * Label out = Label.of("out");
 * Code code = Code.builder()
 *         .emit(Alu64.MOV.reg(R6, R1))
 *         .emit(Mem.ldx(Size.W, R2, R1, 4))
 *         .emit(LdImm64.map(R1, "flows"))
 *         .emit(Call.helper(Helper.MAP_LOOKUP_ELEM))
 *         .emit(Jmp.JEQ.imm(R0, 0, out))
 *         .bind(out)
 *         .emit(Alu.MOV.imm(R0, 2), Jmp.exit())
 *         .build();
 * }</pre>
 * {@link dev.p4ebpf.ebpf.insn.Alu}/{@link dev.p4ebpf.ebpf.insn.Alu64} (32/64-bit arithmetic, byte
 * order), {@link dev.p4ebpf.ebpf.insn.Jmp}/{@link dev.p4ebpf.ebpf.insn.Jmp32} (conditions, goto,
 * gotol, exit), {@link dev.p4ebpf.ebpf.insn.Mem} (loads, stores, atomics, legacy packet loads),
 * {@link dev.p4ebpf.ebpf.insn.LdImm64} (constants, maps, pseudo sources),
 * {@link dev.p4ebpf.ebpf.insn.Call} (helpers by {@link dev.p4ebpf.ebpf.insn.Helper}, subprograms,
 * kfuncs). Labels, map names and subprogram names stay symbolic until encoding.
 *
 * <h2>Wire format</h2>
 * {@link dev.p4ebpf.ebpf.insn.Encoder#encode} gives {@link dev.p4ebpf.ebpf.insn.Encoded}: the bytes
 * in the form clang leaves in an ELF object (map loads {@code src_reg = 0, imm = 0}, calls outside
 * the block {@code imm = -1}) and a {@link dev.p4ebpf.ebpf.insn.Reloc} per symbolic reference, by
 * slot index (the kernel's instruction index). A loader patches those slots: for
 * {@link dev.p4ebpf.ebpf.insn.Reloc.Kind#MAP} it sets {@code src_reg = BPF_PSEUDO_MAP_FD} and
 * {@code imm = fd}. {@link dev.p4ebpf.ebpf.insn.Decoder#decode} is the exact inverse and rejects
 * malformed input with a {@link dev.p4ebpf.ebpf.insn.DecodeException} (byte offset and reason).
 * {@link dev.p4ebpf.ebpf.insn.Disassembler} prints the syntax of {@code llvm-objdump -dr --mcpu=v4},
 * with P4 source lines interleaved when instructions carry spans.
 */
package dev.p4ebpf.ebpf.insn;
