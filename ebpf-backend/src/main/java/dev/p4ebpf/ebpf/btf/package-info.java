/**
 * BPF Type Format: the sealed type model {@link dev.p4ebpf.ebpf.btf.BtfType} (every kind), the
 * {@link dev.p4ebpf.ebpf.btf.Btf} graph and its {@link dev.p4ebpf.ebpf.btf.BtfBuilder},
 * {@link dev.p4ebpf.ebpf.btf.BtfCodec} for {@code .BTF}, {@link dev.p4ebpf.ebpf.btf.BtfExt} and
 * {@link dev.p4ebpf.ebpf.btf.BtfExtCodec} for {@code .BTF.ext} (func_info, line_info, CO-RE
 * relocations; also the kernel's record layout for {@code BPF_PROG_LOAD}), and
 * {@link dev.p4ebpf.ebpf.btf.BtfMaps} for libbpf's BTF-defined maps in {@code .maps}.
 */
package dev.p4ebpf.ebpf.btf;
