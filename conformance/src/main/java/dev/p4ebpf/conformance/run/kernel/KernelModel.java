package dev.p4ebpf.conformance.run.kernel;

import dev.p4ebpf.conformance.run.ControlPlaneModel;
import dev.p4ebpf.ebpf.controlplane.Action;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.Counter;
import dev.p4ebpf.ebpf.controlplane.KeyField;
import dev.p4ebpf.ebpf.controlplane.Register;
import dev.p4ebpf.ebpf.controlplane.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The backend's control-plane description ({@code prog.json}) seen as a target-neutral
 * {@link ControlPlaneModel}, named as the interpreter names the same program, so that one STF
 * file resolves the same way on both: tables and externs by their P4 names, keys by their
 * control-plane names, actions by their control-plane name without the leading dot of
 * {@code @name}. Keys and actions keep the description's order, so a model's key or action at
 * index i is the description's at index i.
 */
final class KernelModel {
    private KernelModel() {}

    static ControlPlaneModel of(ControlPlane cp) {
        List<ControlPlaneModel.TableModel> tables = new ArrayList<>();
        for (Table t : cp.tables()) {
            tables.add(table(t));
        }
        List<ControlPlaneModel.ExternModel> externs = new ArrayList<>();
        for (Counter c : cp.counters()) {
            externs.add(new ControlPlaneModel.ExternModel(c.name(), ControlPlaneModel.ExternKind.COUNTER));
        }
        for (Register r : cp.registers()) {
            externs.add(new ControlPlaneModel.ExternModel(r.name(), ControlPlaneModel.ExternKind.REGISTER));
        }
        externs.sort(Comparator.comparing(ControlPlaneModel.ExternModel::name));
        return new ControlPlaneModel(tables, externs);
    }

    private static ControlPlaneModel.TableModel table(Table t) {
        List<ControlPlaneModel.KeyModel> keys = new ArrayList<>();
        for (KeyField k : t.keys()) {
            keys.add(new ControlPlaneModel.KeyModel(k.controlPlaneName(), k.match().p4Name(), k.bitWidth()));
        }
        List<ControlPlaneModel.ActionModel> actions = new ArrayList<>();
        for (Action a : t.actions()) {
            actions.add(new ControlPlaneModel.ActionModel(lastPart(a.name()), fullName(a), a.params().stream()
                    .map(p -> new ControlPlaneModel.ParamModel(p.name(), p.bitWidth())).toList()));
        }
        return new ControlPlaneModel.TableModel(t.name(), keys, actions, t.entriesConst(), t.needsPriority());
    }

    /** {@code pipe.Reject} for {@code @name(".pipe.Reject")}. */
    static String fullName(Action a) {
        String n = a.controlPlaneName();
        return n.startsWith(".") ? n.substring(1) : n;
    }

    private static String lastPart(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
