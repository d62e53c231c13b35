package dev.p4ebpf.ir.interp.value;

/**
 * What {@code t.apply()} returns: whether an entry matched, and the name of the action that ran
 * (the action's declared name, as {@code switch (t.apply().action_run)} labels use it).
 */
public record TableResultValue(boolean hit, String actionRun) implements Value {
    @Override
    public Value copy() {
        return this;
    }
}
