/**
 * The control-plane description of a compiled P4 program: the contract between the eBPF backend,
 * which writes it as {@code prog.json} next to each object, and the driver, whose table, counter
 * and register API works only through it.
 *
 * <h2>Format 1</h2>
 * A JSON object ({@link dev.p4ebpf.ebpf.controlplane.ControlPlane}) with {@code "format": 1},
 * {@code program}, {@code architecture}, and lists {@code tables}, {@code counters},
 * {@code registers}, {@code valueSets}; an XDP program that can redirect also has a
 * {@code portMap} (added to format 1: readers that know it accept descriptions without it). Field names are the record components' names. Unknown
 * fields are errors, so a reader never silently ignores something a newer writer meant. A writer
 * that changes the meaning of any field must raise {@code format}.
 *
 * <h2>What the backend must produce</h2>
 * <ul>
 *   <li><b>Names.</b> Every table, action, key field, counter, register and value set carries its
 *       P4 name and its control-plane name ({@code @name}, else the P4 name). Map names are the
 *       BPF map names in the object (at most 15 bytes).</li>
 *   <li><b>Keys.</b> Each {@link dev.p4ebpf.ebpf.controlplane.KeyField} gives its bit width, match
 *       kind, byte offset and size inside the BPF key, and byte order. Fields do not overlap;
 *       bytes no field covers are zero in every key the driver writes.</li>
 *   <li><b>Maps by match kind</b> ({@link dev.p4ebpf.ebpf.controlplane.TableMaps}):
 *       all-exact keys → a {@code hash} map, or an {@code array} for a single exact field of at
 *       most 32 bits (the key is the u32 index, little-endian); one {@code lpm} field (the last,
 *       after exact fields) → an LPM trie keyed by {@code u32 prefixlen} then big-endian data;
 *       any ternary/range/optional field → tuple-space search: an array-of-maps of per-mask hash
 *       maps, and a mask list of at most {@code maxMasks} entries sorted by descending priority.
 *       Every table also has a one-entry {@code defaultMap} (key u32 0) holding the miss action,
 *       which the control plane rewrites unless {@code defaultActionConst}.</li>
 *   <li><b>Program entries</b> ({@link dev.p4ebpf.ebpf.controlplane.InitialEntry}): the
 *       {@code entries} a table declares, in the text forms a user writes, which the loader
 *       installs before the program runs; with {@code entriesConst} the control plane may not add
 *       or remove any.</li>
 *   <li><b>Values</b> ({@link dev.p4ebpf.ebpf.controlplane.ValueLayout}): a u32 action id
 *       (the action's {@code id}), a u32 priority for ternary tables (larger wins), and each
 *       action's parameters at their own offsets (actions may share bytes; one action's do not
 *       overlap each other or the id/priority).</li>
 *   <li><b>Counters</b>: array maps (per-CPU or not) indexed by u32, values of u64 packets and/or
 *       u64 bytes. <b>Registers</b>: array maps of fixed-width values. <b>Value sets</b>: hash maps
 *       of exact keys with a one-byte value.</li>
 *   <li><b>Redirects</b> ({@link dev.p4ebpf.ebpf.controlplane.PortMap}): for {@code XDP_REDIRECT}
 *       the program looks {@code output_port} up in a {@code devmap_hash} named {@code tx_ports}
 *       (u32 port → u32 ifindex) and falls back to {@code bpf_redirect(output_port)} when the port
 *       is not there; the driver fills the map with the ports the program may send to.</li>
 * </ul>
 *
 * <h2>Reading</h2>
 * {@link dev.p4ebpf.ebpf.controlplane.ControlPlaneJson#read} binds the JSON and runs
 * {@link dev.p4ebpf.ebpf.controlplane.ControlPlaneValidator}; every problem comes back in a
 * {@link dev.p4ebpf.ebpf.controlplane.ControlPlaneException} with its JSON path, e.g.
 * {@code $.tables[0].keys[1].bitWidth: must be between 1 and 2048, not 0}.
 */
package dev.p4ebpf.ebpf.controlplane;
