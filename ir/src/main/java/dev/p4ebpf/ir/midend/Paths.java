package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Storage locations named by l-values, and whether two of them can overlap. A location is its root
 * variable (name and frame) and the steps below it: fields and constant stack indices. A run-time
 * index or slice ends the precise part: whatever lies below it is assumed to overlap anything below
 * the same prefix.
 */
final class Paths {
    private Paths() {}

    /** The steps of a location; {@code precise} is false when a run-time index cut it short. */
    record Location(String root, Expr.Frame frame, List<String> steps, boolean precise) {}

    static Optional<Location> of(Expr e) {
        var steps = new ArrayList<String>();
        boolean precise = true;
        Expr x = e;
        while (true) {
            if (x instanceof Expr.Var v) {
                return Optional.of(new Location(v.name(), v.frame(), steps.reversed(), precise));
            }
            if (x instanceof Expr.Member m) {
                steps.add("." + m.field());
                x = m.base();
            } else if (x instanceof Expr.StackElement s) {
                if (s.index() instanceof Expr.IntLit i) {
                    steps.add("[" + i.value() + "]");
                } else {
                    steps.clear();
                    precise = false;
                }
                x = s.stack();
            } else if (x instanceof Expr.Slice || x instanceof Expr.DynSlice || x instanceof Expr.StackProperty) {
                steps.clear();
                precise = false;
                x = Exprs.lvalueBase(x).orElseThrow();
            } else {
                return Optional.empty();
            }
        }
    }

    /** A string naming a precise location ({@code CONTAINER:h.vlan[2]}), for maps. */
    static Optional<String> key(Expr e) {
        return of(e).filter(Location::precise).map(l -> l.frame() + ":" + l.root() + String.join("", l.steps()));
    }

    /** Whether the locations named by two l-values may share storage. Non-l-values overlap nothing. */
    static boolean overlap(Expr a, Expr b) {
        Optional<Location> la = of(a);
        Optional<Location> lb = of(b);
        if (la.isEmpty() || lb.isEmpty()) {
            return false;
        }
        Location x = la.get();
        Location y = lb.get();
        if (!x.root().equals(y.root()) || x.frame() != y.frame()) {
            return false;
        }
        int n = Math.min(x.steps().size(), y.steps().size());
        return x.steps().subList(0, n).equals(y.steps().subList(0, n));
    }

    /** Whether {@code e} reads or writes storage below variable {@code root}. */
    static boolean mentions(Expr e, String root, Expr.Frame frame) {
        if (e instanceof Expr.Var v) {
            return v.name().equals(root) && v.frame() == frame;
        }
        for (Expr c : Exprs.children(e)) {
            if (mentions(c, root, frame)) {
                return true;
            }
        }
        return false;
    }
}
