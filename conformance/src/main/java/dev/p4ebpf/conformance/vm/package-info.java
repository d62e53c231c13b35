/**
 * A Java eBPF virtual machine: an exact, deterministic interpreter of BPF programs as the kernel
 * runs them, so that conformance tests can run compiled P4 programs without a kernel and compare the
 * reference interpreter, the kernel's {@code BPF_PROG_TEST_RUN} and this VM packet by packet.
 *
 * <h2>Use</h2>
 * {@link dev.p4ebpf.conformance.vm.BpfVm#load} takes a {@link dev.p4ebpf.ebpf.object.BpfObject} (ours
 * or clang's, read by {@link dev.p4ebpf.ebpf.elf.ElfReader}), creates its maps and links its programs;
 * {@link dev.p4ebpf.conformance.vm.VmProgram#run} runs one program on one packet with
 * {@link dev.p4ebpf.conformance.vm.RunOptions} and returns a {@link dev.p4ebpf.conformance.vm.VmResult}
 * (r0, the packet afterwards, the redirect target, the {@code bpf_trace_printk} lines, the instruction
 * count, {@code ctx_out}). {@link dev.p4ebpf.conformance.vm.VmMap} gives the test side the maps by key
 * and value bytes, as the driver gives them to the control plane.
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>Every instruction of ISA v1–v4 as RFC 9669 defines it (see {@code Arithmetic}), bpf-to-bpf
 *       calls with 512-byte frames up to 8 deep, tail calls up to 33, legacy packet loads.</li>
 *   <li>Registers are typed: scalar, or pointer to the context, packet, packet metadata, data_end,
 *       stack, map value, map, ring buffer record. Pointers spilled to the stack keep their type. A
 *       memory access out of its region, through a scalar or stale pointer, forbidden pointer
 *       arithmetic, or a read of a clobbered register is a {@link dev.p4ebpf.conformance.vm.VmException}
 *       naming the instruction, its text and its source span; so is exhausting the instruction budget.
 *       The VM throws nothing else.</li>
 *   <li>Contexts and packets are laid out as the kernel's test run lays them out: XDP with 256 bytes of
 *       headroom in a 4096-byte frame, sched_cls with 64 bytes of headroom and
 *       {@code protocol}/{@code pkt_type} as on the loopback device.</li>
 *   <li>Maps: HASH, ARRAY, PERCPU_HASH, PERCPU_ARRAY, LRU_HASH, LRU_PERCPU_HASH (one CPU), LPM_TRIE,
 *       PROG_ARRAY, DEVMAP, PERF_EVENT_ARRAY and RINGBUF with the kernel's flags and errno results.</li>
 *   <li>Helpers: map lookup/update/delete, ktime (a {@link dev.p4ebpf.conformance.vm.VmClock}), prandom
 *       (seeded), CPU and NUMA id, trace_printk, tail_call, redirect, redirect_map, perf_event_output,
 *       ringbuf output/reserve/submit/discard, xdp_adjust_head/meta/tail, xdp_load/store_bytes,
 *       skb_load/store_bytes, l3/l4_csum_replace, csum_diff, skb_change_head/tail, skb_adjust_room,
 *       skb_pull_data. Others are refused as unsupported, by name.</li>
 * </ul>
 *
 * <h2>Where the VM and the kernel differ, deliberately</h2>
 * The stack starts zeroed (the kernel's holds garbage where a root program reads uninitialized
 * stack); LRU eviction is strict LRU (the kernel's is approximate); there is one CPU; there are no
 * network devices, so any ifindex is accepted in a device map.
 */
package dev.p4ebpf.conformance.vm;
