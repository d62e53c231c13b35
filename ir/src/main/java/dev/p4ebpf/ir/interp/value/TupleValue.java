package dev.p4ebpf.ir.interp.value;

import java.util.Arrays;
import java.util.List;

/** A tuple or list value: its elements in order. */
public final class TupleValue implements Value {
    private final Value[] elements;

    public TupleValue(Value[] elements) {
        this.elements = elements;
    }

    public static TupleValue of(List<Value> elements) {
        return new TupleValue(elements.toArray(Value[]::new));
    }

    public int size() {
        return elements.length;
    }

    public Value get(int index) {
        return elements[index];
    }

    public void set(int index, Value v) {
        elements[index] = v;
    }

    public List<Value> elements() {
        return List.of(elements);
    }

    @Override
    public TupleValue copy() {
        Value[] e = new Value[elements.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = elements[i].copy();
        }
        return new TupleValue(e);
    }

    @Override
    public String toString() {
        return Arrays.toString(elements);
    }
}
