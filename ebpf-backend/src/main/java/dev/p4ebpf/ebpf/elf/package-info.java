/**
 * Relocatable BPF ELF objects (ELFCLASS64, little-endian, ET_REL, EM_BPF) as libbpf, bpftool,
 * iproute2 and the kernel expect them: {@link dev.p4ebpf.ebpf.elf.ElfWriter} writes a
 * {@link dev.p4ebpf.ebpf.object.BpfObject} byte-identically for the same input;
 * {@link dev.p4ebpf.ebpf.elf.ElfReader} reads ours and clang's into the same model, refusing
 * corrupt or unsupported input with an {@link dev.p4ebpf.ebpf.elf.ElfException};
 * {@link dev.p4ebpf.ebpf.elf.ElfDisassembler} lists code sections as {@code llvm-objdump -dr}.
 */
package dev.p4ebpf.ebpf.elf;
