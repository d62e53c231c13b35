/**
 * p4ebpf's eBPF driver: loads, attaches and manages BPF programs with nothing but the JDK's FFM
 * API (no libbpf, no JNI).
 *
 * <h2>Layers, bottom up</h2>
 * <ul>
 *   <li>{@link dev.p4ebpf.driver.sys} — the system calls: {@code bpf(2)} and the C library
 *       functions, errno captured in the same downcall, every constant from the UAPI headers in
 *       {@link dev.p4ebpf.driver.sys.Uapi}, every descriptor owned by an
 *       {@link dev.p4ebpf.driver.sys.Fd}.</li>
 *   <li>{@link dev.p4ebpf.driver.map}, {@link dev.p4ebpf.driver.prog}, {@link dev.p4ebpf.driver.pin}
 *       — kernel objects: maps (single and batch operations), programs (load with verifier log,
 *       test runs), BTF, pins on the bpf file system.</li>
 *   <li>{@link dev.p4ebpf.driver.netlink}, {@link dev.p4ebpf.driver.link} — rtnetlink (XDP,
 *       clsact, cls_bpf) and the closed set of {@link dev.p4ebpf.driver.link.Attachment}s
 *       (BPF links, netlink XDP, cls_bpf filters) with atomic replacement.</li>
 *   <li>{@link dev.p4ebpf.driver.load} — objects: ebpf-backend's ELF reader and linker turned into
 *       loaded maps and programs.</li>
 *   <li>{@link dev.p4ebpf.driver.table} — tables, counters and bulk loads by P4 names through the
 *       control-plane description ({@link dev.p4ebpf.ebpf.controlplane}).</li>
 *   <li>{@link dev.p4ebpf.driver.deploy} — what p4ebpf attached where, remembered in bpffs.</li>
 *   <li>{@link dev.p4ebpf.driver.netns} — running driver calls in another network namespace and
 *       sending real frames (tests, conformance).</li>
 * </ul>
 *
 * <h2>Failures</h2>
 * Every failure a user can cause or fix is a {@link dev.p4ebpf.driver.DriverException} with a
 * {@link dev.p4ebpf.driver.DriverException.Kind} and a one-paragraph message (what, why, what to
 * do). An operation that fails undoes what it did: no descriptor, pin, link or attachment is left.
 */
package dev.p4ebpf.driver;
