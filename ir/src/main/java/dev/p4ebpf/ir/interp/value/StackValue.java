package dev.p4ebpf.ir.interp.value;

import dev.p4ebpf.ir.Type;
import java.util.Arrays;

/**
 * A header stack: {@code size} elements (headers or header unions) and {@code nextIndex}, the
 * index {@code next} refers to (0 ≤ nextIndex ≤ size).
 */
public final class StackValue implements Value {
    private final Type.Stack type;
    private final Value[] elements;
    private int nextIndex;

    public StackValue(Type.Stack type, Value[] elements, int nextIndex) {
        this.type = type;
        this.elements = elements;
        this.nextIndex = nextIndex;
    }

    public Type.Stack type() {
        return type;
    }

    public int size() {
        return elements.length;
    }

    public Value element(int index) {
        return elements[index];
    }

    public int nextIndex() {
        return nextIndex;
    }

    public void setNextIndex(int n) {
        if (n < 0 || n > elements.length) {
            throw new IllegalArgumentException("nextIndex " + n + " outside 0.." + elements.length);
        }
        nextIndex = n;
    }

    /**
     * {@code push_front(count)}: shifts the elements up by {@code count} (those pushed past the end
     * are lost), the first {@code count} become copies of {@code fresh} (an invalid element), and
     * nextIndex grows by count, up to the size. Elements are assigned in place, so every slot keeps
     * its storage.
     */
    public void pushFront(int count, Value fresh) {
        int n = elements.length;
        for (int i = n - 1; i >= 0; i--) {
            Values.assignInPlace(elements[i], i - count >= 0 ? elements[i - count] : fresh);
        }
        nextIndex = (int) Math.min(n, (long) nextIndex + count);
    }

    /**
     * {@code pop_front(count)}: shifts the elements down by {@code count}, the last {@code count}
     * become copies of {@code fresh}, and nextIndex shrinks by count, down to 0.
     */
    public void popFront(int count, Value fresh) {
        int n = elements.length;
        for (int i = 0; i < n; i++) {
            Values.assignInPlace(elements[i], (long) i + count < n ? elements[i + count] : fresh);
        }
        nextIndex = Math.max(0, nextIndex - count);
    }

    /** Makes this stack a copy of {@code other} (same type). */
    public void assign(StackValue other) {
        for (int i = 0; i < elements.length; i++) {
            elements[i] = other.elements[i].copy();
        }
        nextIndex = other.nextIndex;
    }

    @Override
    public StackValue copy() {
        Value[] e = new Value[elements.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = elements[i].copy();
        }
        return new StackValue(type, e, nextIndex);
    }

    @Override
    public String toString() {
        return Arrays.toString(elements) + "@" + nextIndex;
    }
}
