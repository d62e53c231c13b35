/**
 * The deterministic specification of a BPF object — what an ELF file says, separate from anything
 * loaded into a kernel.
 *
 * <h2>Model</h2>
 * {@link dev.p4ebpf.ebpf.object.BpfObject} holds the license, the
 * {@link dev.p4ebpf.ebpf.object.ProgramSpec programs} (section, {@link dev.p4ebpf.ebpf.object.ProgramType},
 * {@link dev.p4ebpf.ebpf.object.AttachType}, load flags — derived from the section name by
 * {@link dev.p4ebpf.ebpf.object.SectionDef} as libbpf does), the {@code .text} subprograms, the
 * {@link dev.p4ebpf.ebpf.object.MapSpec maps} and the {@link dev.p4ebpf.ebpf.btf.Btf BTF}. Code is a
 * {@link dev.p4ebpf.ebpf.object.FuncSpec} per function: a symbolic
 * {@link dev.p4ebpf.ebpf.insn.Code} (map loads by map name, calls by function name), its BTF
 * {@code FUNC} id and its line info. The backend builds one with
 * {@link dev.p4ebpf.ebpf.object.ObjectBuilder}; {@link dev.p4ebpf.ebpf.elf.ElfWriter} writes it and
 * {@link dev.p4ebpf.ebpf.elf.ElfReader} reads one back (from p4ebpf or clang).
 *
 * <h2>For a loader</h2>
 * <ol>
 *   <li>BTF: {@code obj.encodeBtf().btf()} are the bytes for {@code BPF_BTF_LOAD}. Map key/value
 *       types are {@code MapSpec.btfKeyType()}/{@code btfValueType()} in that BTF.</li>
 *   <li>Maps: each {@code MapSpec} gives {@code BPF_MAP_CREATE}'s type id, key/value sizes,
 *       max entries, flags, numa node, map_extra, inner map template, pinning.</li>
 *   <li>Programs: {@link dev.p4ebpf.ebpf.object.Linker#link} gives a
 *       {@link dev.p4ebpf.ebpf.object.LinkedProgram}: instruction bytes with all reachable
 *       subprograms appended and calls resolved, the map relocations (slot index, map name) to patch
 *       with fds, {@code bpf_func_info}/{@code bpf_line_info} bytes and counts, program type,
 *       expected attach type, flags and license.</li>
 * </ol>
 */
package dev.p4ebpf.ebpf.object;
