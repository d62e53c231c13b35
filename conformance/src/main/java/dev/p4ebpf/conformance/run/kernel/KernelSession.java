package dev.p4ebpf.conformance.run.kernel;

import dev.p4ebpf.conformance.run.ControlPlaneModel;
import dev.p4ebpf.conformance.run.EntryKey;
import dev.p4ebpf.conformance.run.TargetException;
import dev.p4ebpf.conformance.run.TargetSession;
import dev.p4ebpf.conformance.stf.StfCommand;
import dev.p4ebpf.conformance.stf.StfPrinter;
import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.load.LoadedObject;
import dev.p4ebpf.driver.table.Counters;
import dev.p4ebpf.driver.table.EntrySpec;
import dev.p4ebpf.driver.table.Tables;
import dev.p4ebpf.ebpf.controlplane.Action;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.Table;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A program loaded in the kernel, as a {@link TargetSession}: entries and default actions are
 * written through the driver's {@link Tables} by P4 name, counters read from their maps, packets
 * run by {@link PacketRun}. Closing releases every descriptor (programs, maps, BTF); nothing is
 * pinned or attached.
 *
 * <p>Priorities: the driver ranks the entries of a ternary (or range, optional) table by a
 * priority, larger first. An STF entry with priority N gets {@code PRIORITIZED + N}; one without
 * gets a priority below every prioritized one and below the entries added before it, as the
 * interpreter ranks them (earlier first).
 */
final class KernelSession implements TargetSession {
    private static final long PRIORITIZED = 1L << 20;
    private static final long MAX_PRIORITY = Integer.MAX_VALUE - PRIORITIZED;

    private final ControlPlane cp;
    private final LoadedObject loaded;
    private final Tables tables;
    private final Counters counters;
    private final PacketRun run;
    private final ControlPlaneModel model;
    private final List<Added> added = new ArrayList<>();
    private int unprioritized;

    /** An entry this session wrote, to delete on {@link #clearEntries}. */
    private record Added(String table, Map<String, String> key, Integer priority) {}

    KernelSession(ControlPlane cp, LoadedObject loaded, Tables tables) {
        this.cp = cp;
        this.loaded = loaded;
        this.tables = tables;
        this.counters = new Counters(cp, loaded);
        this.run = new PacketRun(loaded.program(Optional.empty()));
        this.model = KernelModel.of(cp);
    }

    @Override
    public ControlPlaneModel model() {
        return model;
    }

    private Table table(ControlPlaneModel.TableModel t) {
        return cp.table(t.name()).orElseThrow(() -> new IllegalArgumentException("no table " + t.name()));
    }

    private static Action action(Table t, ControlPlaneModel.TableModel tm, ControlPlaneModel.ActionModel a) {
        return t.actions().get(tm.actions().indexOf(a));
    }

    @Override
    public void addEntry(ControlPlaneModel.TableModel table, List<EntryKey> keys, ControlPlaneModel.ActionModel action,
                         List<BigInteger> args, OptionalLong priority, Optional<String> entryId)
            throws TargetException {
        Table t = table(table);
        Map<String, String> key = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            key.put(t.keys().get(i).controlPlaneName(), EntryText.key(keys.get(i), t.keys().get(i).bitWidth()));
        }
        Integer rank = t.needsPriority() ? rank(t, priority) : null;
        try {
            tables.add(new EntrySpec(t.name(), key, action(t, table, action).name(), positional(args), rank));
        } catch (DriverException e) {
            throw new TargetException("the kernel target cannot add the entry to " + t.name() + ": " + e.getMessage(),
                    e);
        }
        added.add(new Added(t.name(), key, rank));
    }

    private int rank(Table t, OptionalLong priority) throws TargetException {
        if (priority.isEmpty()) {
            unprioritized++;
            if (unprioritized >= PRIORITIZED) {
                throw new TargetException("table " + t.name() + ": more than " + PRIORITIZED + " entries without a"
                        + " priority");
            }
            return (int) (PRIORITIZED - unprioritized);
        }
        long p = priority.getAsLong();
        if (p < 0 || p > MAX_PRIORITY) {
            throw new TargetException("table " + t.name() + ": priority " + p + " is outside what the kernel target"
                    + " ranks (0 to " + MAX_PRIORITY + ")");
        }
        return (int) (PRIORITIZED + p);
    }

    private static Map<String, String> positional(List<BigInteger> args) {
        return EntrySpec.positional(args.stream().map(EntryText::hex).toList());
    }

    @Override
    public void setDefault(ControlPlaneModel.TableModel table, ControlPlaneModel.ActionModel action,
                           List<BigInteger> args) throws TargetException {
        Table t = table(table);
        try {
            tables.setDefault(t.name(), action(t, table, action).name(), positional(args));
        } catch (DriverException e) {
            throw new TargetException("the kernel target cannot set the default action of " + t.name() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void clearEntries() throws TargetException {
        try {
            while (!added.isEmpty()) {
                Added a = added.getLast();
                tables.delete(a.table(), a.key(), a.priority());
                added.removeLast();
            }
        } catch (DriverException e) {
            throw new TargetException("the kernel target cannot remove the entries it added: " + e.getMessage(), e);
        }
        unprioritized = 0;
    }

    @Override
    public SendResult send(long port, byte[] packet) throws TargetException {
        return run.send(port, packet);
    }

    @Override
    public long[] readCounter(ControlPlaneModel.ExternModel counter, OptionalLong index, Optional<String> entryId)
            throws TargetException {
        if (entryId.isPresent()) {
            throw new TargetException("the kernel target has no direct counters: the eBPF backend gives tables no"
                    + " per-entry counters, so the counter of entry " + entryId.get() + " cannot be read");
        }
        long i = index.orElse(0);
        try {
            for (Counters.Value v : counters.read(counter.name())) {
                if (v.index() == i) {
                    return new long[] {v.packets(), v.bytes()};
                }
            }
        } catch (DriverException e) {
            throw new TargetException("the kernel target cannot read counter " + counter.name() + ": "
                    + e.getMessage(), e);
        }
        throw new TargetException("counter " + counter.name() + " has no cell " + i);
    }

    @Override
    public Optional<String> switchCommand(StfCommand command, Optional<ControlPlaneModel.ExternModel> extern)
            throws TargetException {
        throw new TargetException("the kernel target does not run the BMv2 command '" + StfPrinter.print(command)
                .strip() + "': it has no mirroring, multicast, meters or register commands");
    }

    @Override
    public void close() {
        try {
            tables.close();
        } finally {
            loaded.close();
        }
    }
}
