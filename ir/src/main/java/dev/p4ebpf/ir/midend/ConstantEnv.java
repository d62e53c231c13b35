package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What constant propagation knows at a point of the program: the literal value of some scalar
 * storage locations (variables, fields, constant-index stack elements). Immutable-style: each
 * operation returns the changed environment; branches work on copies and are met afterwards.
 */
final class ConstantEnv {
    private final Map<String, Expr> values;
    private final Map<String, Paths.Location> locations;

    private ConstantEnv(Map<String, Expr> values, Map<String, Paths.Location> locations) {
        this.values = values;
        this.locations = locations;
    }

    static ConstantEnv empty() {
        return new ConstantEnv(new HashMap<>(), new HashMap<>());
    }

    ConstantEnv copy() {
        return new ConstantEnv(new HashMap<>(values), new HashMap<>(locations));
    }

    private static Optional<String> key(Expr lvalue) {
        return Paths.of(lvalue).filter(Paths.Location::precise)
                .map(l -> l.frame() + ":" + l.root() + String.join("", l.steps()));
    }

    /** The known value of variable {@code name} of {@code frame}, for display (or "?"). */
    String valueOf(String name, Expr.Frame frame) {
        Expr v = values.get(frame + ":" + name);
        return v == null ? "?" : v.toString();
    }

    Optional<Expr> value(Expr read) {
        return key(read).map(values::get);
    }

    /** Records that {@code target} holds {@code literal}, or forgets it when the value is not a literal. */
    void assign(Expr target, Expr value) {
        kill(target);
        if (isTrackable(target.type()) && Exprs.isLiteral(value) && !(value instanceof Expr.StrLit)) {
            Optional<String> k = key(target);
            if (k.isPresent() && !(target instanceof Expr.Slice)) {
                values.put(k.get(), value);
                locations.put(k.get(), Paths.of(target).orElseThrow());
            }
        }
    }

    /** Forgets everything stored in or below {@code lvalue} (and what contains it). */
    void kill(Expr lvalue) {
        Optional<Paths.Location> l = Paths.of(lvalue);
        if (l.isEmpty()) {
            return;
        }
        Paths.Location w = l.get();
        locations.entrySet().removeIf(e -> {
            Paths.Location x = e.getValue();
            if (!x.root().equals(w.root()) || x.frame() != w.frame()) {
                return false;
            }
            int n = Math.min(x.steps().size(), w.steps().size());
            boolean overlap = x.steps().subList(0, n).equals(w.steps().subList(0, n));
            if (overlap) {
                values.remove(e.getKey());
            }
            return overlap;
        });
    }

    /** Forgets every location of a frame (after code that may write any of them ran). */
    void killFrame(Expr.Frame frame) {
        locations.entrySet().removeIf(e -> {
            boolean hit = e.getValue().frame() == frame;
            if (hit) {
                values.remove(e.getKey());
            }
            return hit;
        });
    }

    /** Takes over everything {@code other} knows. */
    void absorb(ConstantEnv other) {
        values.putAll(other.values);
        locations.putAll(other.locations);
    }

    /** Keeps what both environments agree on. */
    ConstantEnv meet(ConstantEnv other) {
        var out = empty();
        for (Map.Entry<String, Expr> e : values.entrySet()) {
            Expr o = other.values.get(e.getKey());
            if (o != null && o.equals(e.getValue())) {
                out.values.put(e.getKey(), e.getValue());
                out.locations.put(e.getKey(), locations.get(e.getKey()));
            }
        }
        return out;
    }

    private static boolean isTrackable(Type t) {
        Type r = Types.rep(t);
        return r instanceof Type.Bits || r instanceof Type.Bool || r instanceof Type.Enum || r instanceof Type.SerEnum
                || r instanceof Type.Error;
    }
}
