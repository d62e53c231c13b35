package dev.p4ebpf.conformance.gen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The scalars visible at a point of a body, in nested frames: one frame per block. */
final class Scope {
    private final Deque<List<Lval>> frames = new ArrayDeque<>();

    Scope() {
        push();
    }

    /** A scope holding {@code outer}'s scalars in one frame, to which a body adds its own. */
    static Scope of(List<Lval> outer) {
        Scope s = new Scope();
        outer.forEach(s::add);
        s.push();
        return s;
    }

    void push() {
        frames.push(new ArrayList<>());
    }

    void pop() {
        if (frames.size() == 1) {
            throw new IllegalStateException("the outermost frame stays");
        }
        frames.pop();
    }

    void add(Lval v) {
        frames.peek().add(v);
    }

    List<Lval> all() {
        var out = new ArrayList<Lval>();
        frames.descendingIterator().forEachRemaining(out::addAll);
        return out;
    }

    List<Lval> readable(ScalarType t) {
        return all().stream().filter(v -> v.type().equals(t)).toList();
    }

    List<Lval> writable() {
        return all().stream().filter(Lval::writable).filter(v -> v.type().computable()).toList();
    }

    List<Lval> writable(ScalarType t) {
        return all().stream().filter(Lval::writable).filter(v -> v.type().equals(t)).toList();
    }

    /** The types of the computable scalars in scope (with repetitions, so common types come up more). */
    List<ScalarType> types() {
        return all().stream().map(Lval::type).filter(ScalarType::computable).toList();
    }
}
