package dev.p4ebpf.conformance.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * What statements of a control body may use besides scalars: tables not applied yet (each is
 * applied at most once, and never from an action), actions to call, counters, and the headers that
 * may change validity or be copied whole.
 *
 * @param inAction whether the body is an action's (no table applies, no action calls)
 * @param unapplied the tables still to apply; statements remove what they apply
 * @param validatable headers that may be set valid (never one with wide fields: it must stay in the packet)
 * @param invalidatable headers that may be set invalid
 * @param stacks header stacks (their paths) and their sizes, for push_front and pop_front
 * @param copyPairs pairs of headers of one type, {@code [target, source]}, for whole-header assignment
 * @param counters the CounterArray instances with their sizes
 */
record BodyEnv(boolean inAction, List<TableInfo> unapplied, List<ActionInfo> actions, List<String> validatable,
               List<String> invalidatable, List<Sized> stacks, List<String[]> copyPairs, List<Sized> counters,
               boolean xdp) {
    /** A named thing with a size: a stack or a counter array. */
    record Sized(String name, int size) {}

    static final String XDP_OUT = "xout";
    static final String XDP_IN = "xin";
    static final String FILTER_OUT = "pass";
    static final List<String> XDP_ACTIONS = List.of("XDP_PASS", "XDP_DROP", "XDP_TX", "XDP_ABORTED", "XDP_REDIRECT");

    /** The same environment for an action body. */
    BodyEnv forAction() {
        return new BodyEnv(true, new ArrayList<>(), List.of(), validatable, invalidatable, stacks, copyPairs, counters, xdp);
    }
}
