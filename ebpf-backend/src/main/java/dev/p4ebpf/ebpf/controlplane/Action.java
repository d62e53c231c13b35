package dev.p4ebpf.ebpf.controlplane;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * An action a table may run.
 *
 * @param name the P4 name, e.g. {@code ingress.set_nhop}
 * @param controlPlaneName its {@code @name}
 * @param id the number stored in the value's action-id field to select it (unique in the table)
 * @param params the parameters in declaration order, with their place in the value
 * @param scope where the action may appear ({@code @tableonly}, {@code @defaultonly})
 */
public record Action(String name, String controlPlaneName, int id, List<ActionParam> params, Scope scope) {

    /** P4's action annotations on a table's action list. */
    public enum Scope {
        @JsonProperty("table_and_default") TABLE_AND_DEFAULT,
        @JsonProperty("table_only") TABLE_ONLY,
        @JsonProperty("default_only") DEFAULT_ONLY
    }

    public Action {
        params = List.copyOf(params == null ? List.of() : params);
        scope = scope == null ? Scope.TABLE_AND_DEFAULT : scope;
    }

    public Optional<ActionParam> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    /** True when {@code text} is this action's P4 name, its control-plane name, or the last part of either. */
    public boolean isNamed(String text) {
        return name.equals(text) || controlPlaneName.equals(text) || name.endsWith("." + text)
                || controlPlaneName.endsWith("." + text);
    }
}
