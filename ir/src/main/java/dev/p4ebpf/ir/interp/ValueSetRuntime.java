package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.value.TupleValue;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A parser value set ({@code value_set<T>(size)}): the members the control plane put in it,
 * each a pattern per key of the select it is used in. Empty when the program starts.
 */
public final class ValueSetRuntime {
    private final String name;
    private final Type element;
    private final int size;
    private final List<List<KeyPattern>> members = new ArrayList<>();

    ValueSetRuntime(String name, Type element, int size) {
        this.name = name;
        this.element = element;
        this.size = size;
    }

    /** The control-plane name. */
    public String name() {
        return name;
    }

    public Type elementType() {
        return element;
    }

    public int capacity() {
        return size;
    }

    /** Adds a member: one pattern per field of the element type (one for a scalar element). */
    public void add(List<KeyPattern> member) {
        if (members.size() >= size) {
            throw new InterpreterException("value set " + name + " is full (" + size + " members)");
        }
        members.add(List.copyOf(member));
    }

    public void clear() {
        members.clear();
    }

    /** Whether the select key (a tuple for several keys) matches a member. */
    boolean matches(Value key) {
        for (List<KeyPattern> m : members) {
            if (matchesMember(m, key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesMember(List<KeyPattern> m, Value key) {
        if (m.size() == 1) {
            return m.getFirst().matches(key);
        }
        TupleValue t = (TupleValue) key;
        for (int i = 0; i < m.size(); i++) {
            if (!m.get(i).matches(t.get(i))) {
                return false;
            }
        }
        return true;
    }
}
