package dev.p4ebpf.conformance.gen;

import java.util.List;

/**
 * A table the control declares, as the apply block needs it: its name and the actions it lists
 * (the labels a switch on {@code action_run} may use).
 */
record TableInfo(String name, List<String> actions) {
    TableInfo {
        actions = List.copyOf(actions);
    }
}
