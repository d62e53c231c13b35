package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Param;
import java.util.List;

/**
 * An action a table may run, as the control plane sees it.
 *
 * @param name              the action's name in the program ({@code Reject}, {@code NoAction})
 * @param controlPlaneName  its fully qualified control-plane name ({@code pipe.Reject},
 *                          {@code NoAction}), from {@code @name} annotations where given
 * @param params            the parameters the control plane supplies (those without direction)
 * @param global            whether the action is declared at the top level
 */
public record TableActionInfo(String name, String controlPlaneName, List<Param> params, boolean global) {
    public TableActionInfo {
        params = List.copyOf(params);
    }
}
