package dev.p4ebpf.conformance.run;

import java.util.List;

/**
 * What a loaded program offers a control plane, in target-neutral terms: its tables (with keys
 * and actions) and its control-plane-visible extern instances. An STF runner resolves the names
 * of a test against it; every target describes its program this way.
 */
public record ControlPlaneModel(List<TableModel> tables, List<ExternModel> externs) {

    public ControlPlaneModel {
        tables = List.copyOf(tables);
        externs = List.copyOf(externs);
    }

    /**
     * A table.
     *
     * @param name          its fully qualified control-plane name ({@code pipe.Check_src_ip})
     * @param keys          its keys in order
     * @param actions       the actions it may run
     * @param constEntries  whether its entries are fixed by the program
     * @param usesPriority  whether entries are ranked by priority (ternary, range, optional keys)
     */
    public record TableModel(String name, List<KeyModel> keys, List<ActionModel> actions, boolean constEntries,
                             boolean usesPriority) {
        public TableModel {
            keys = List.copyOf(keys);
            actions = List.copyOf(actions);
        }
    }

    /** A key: its control-plane name, match kind and width in bits. */
    public record KeyModel(String name, String matchKind, int width) {}

    /**
     * An action of a table.
     *
     * @param name     the action's name in the program ({@code Reject})
     * @param fullName its control-plane name ({@code pipe.Reject}, {@code NoAction})
     * @param params   the parameters the control plane gives, in order
     */
    public record ActionModel(String name, String fullName, List<ParamModel> params) {
        public ActionModel {
            params = List.copyOf(params);
        }
    }

    /** An action parameter: its name and width in bits. */
    public record ParamModel(String name, int width) {}

    /** What kind of extern instance the control plane can address. */
    public enum ExternKind { COUNTER, REGISTER, METER, OTHER }

    /** An extern instance: its control-plane name and kind. */
    public record ExternModel(String name, ExternKind kind) {}
}
