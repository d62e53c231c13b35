package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.interp.Nodes.ExprNode;
import dev.p4ebpf.ir.interp.Nodes.LocNode;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import java.util.List;

/**
 * The arguments of one call site, compiled: copy-in evaluates them left to right, resolving the
 * locations of {@code out} and {@code inout} ones (whose initial values, for {@code out}, are
 * those of their types); copy-out writes the callee's final values back, in order.
 */
final class Binder {
    private static final int ABSENT = 0;
    private static final int IN = 1;
    private static final int INOUT = 2;
    private static final int OUT = 3;

    private final int[] kinds;
    private final ExprNode[] values;
    private final LocNode[] locations;
    private final Value[] initial;
    private final boolean shared;

    Binder(Machine machine, List<Arg> args, Scope s) {
        this(machine, args, s, false);
    }

    /**
     * With {@code shared}, {@code in} arguments and the initial values of {@code out} ones are
     * passed without copying: for extern calls, whose implementations only read their
     * {@code in} arguments and replace their {@code out} ones (see {@link ExternObject#call}),
     * so that no copy can be told from the original.
     */
    Binder(Machine machine, List<Arg> args, Scope s, boolean shared) {
        this.shared = shared;
        int n = args.size();
        kinds = new int[n];
        values = new ExprNode[n];
        locations = new LocNode[n];
        initial = new Value[n];
        for (int i = 0; i < n; i++) {
            Arg a = args.get(i);
            if (a.value().isEmpty()) {
                continue;
            }
            switch (a.param().direction()) {
                case NONE, IN -> {
                    kinds[i] = IN;
                    values[i] = machine.compiler.exprs.compile(a.value().get(), s);
                }
                case INOUT -> {
                    kinds[i] = INOUT;
                    locations[i] = machine.compiler.locs.compile(a.value().get(), s);
                }
                case OUT -> {
                    kinds[i] = OUT;
                    locations[i] = machine.compiler.locs.compile(a.value().get(), s);
                    initial[i] = Values.initial(s.resolve(a.param().type()));
                }
            }
        }
    }

    /** Whether the call site has no arguments. */
    boolean isEmpty() {
        return kinds.length == 0;
    }

    /** The evaluated arguments of one call and where their results go. */
    record Bound(Value[] values, Location[] outs) {
        void copyOut() {
            for (int i = 0; i < outs.length; i++) {
                if (outs[i] != null) {
                    outs[i].write(values[i]);
                }
            }
        }
    }

    private static final Bound NONE = new Bound(new Value[0], new Location[0]);

    Bound bind(Frame f) {
        int n = kinds.length;
        if (n == 0) {
            return NONE;
        }
        Value[] vs = new Value[n];
        Location[] outs = new Location[n];
        for (int i = 0; i < n; i++) {
            switch (kinds[i]) {
                case IN -> vs[i] = shared ? values[i].eval(f) : values[i].eval(f).copy();
                case INOUT -> {
                    outs[i] = locations[i].locate(f);
                    vs[i] = outs[i].read().copy();
                }
                case OUT -> {
                    outs[i] = locations[i].locate(f);
                    vs[i] = shared ? initial[i] : initial[i].copy();
                }
                default -> { }
            }
        }
        return new Bound(vs, outs);
    }
}
