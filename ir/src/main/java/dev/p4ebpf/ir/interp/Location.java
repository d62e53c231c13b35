package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.interp.value.BitsArith;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.FieldedValue;
import dev.p4ebpf.ir.interp.value.HeaderValue;
import dev.p4ebpf.ir.interp.value.StackValue;
import dev.p4ebpf.ir.interp.value.UnionValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;

/**
 * Where an l-value lives, resolved once: the target of an assignment, or an {@code out} or
 * {@code inout} argument, whose location P4 evaluates before the call and writes after it.
 *
 * <p>Writing a composite value assigns it into the storage already there, part by part, so that
 * other locations inside it (resolved for the same call) stay valid. The value written is never
 * kept: it is copied.
 */
public sealed interface Location {

    Value read();

    void write(Value v);

    /** Stores {@code v} where {@code old} is: in place for composites, else by {@code replace}. */
    private static boolean inPlace(Value old, Value v) {
        if (old != null && Values.isComposite(old)) {
            Values.assignInPlace(old, v);
            return true;
        }
        return false;
    }

    /** A variable or parameter: a slot of a frame. */
    record Slot(Value[] frame, int index) implements Location {
        @Override
        public Value read() {
            return frame[index];
        }

        @Override
        public void write(Value v) {
            if (!inPlace(frame[index], v)) {
                frame[index] = v.copy();
            }
        }
    }

    /** A field of a struct or header. */
    record Field(FieldedValue container, int index) implements Location {
        @Override
        public Value read() {
            return container.get(index);
        }

        @Override
        public void write(Value v) {
            if (!inPlace(container.get(index), v)) {
                container.set(index, v.copy());
            }
        }
    }

    /** A member of a header union: writing a valid header invalidates the other members. */
    record UnionMember(UnionValue union, int index) implements Location {
        @Override
        public Value read() {
            return union.member(index);
        }

        @Override
        public void write(Value v) {
            union.setMember(index, (HeaderValue) v);
        }
    }

    /** An element of a header stack, by an index inside its bounds. */
    record StackElement(StackValue stack, int index) implements Location {
        @Override
        public Value read() {
            return stack.element(index);
        }

        @Override
        public void write(Value v) {
            Values.assignInPlace(stack.element(index), v);
        }
    }

    /**
     * {@code stack.next} as the target of an extraction or assignment of a whole element: the
     * element at nextIndex, and writing it advances nextIndex (which the caller checked is below
     * the size when it resolved the location).
     */
    record StackNext(StackValue stack) implements Location {
        @Override
        public Value read() {
            return stack.element(stack.nextIndex());
        }

        @Override
        public void write(Value v) {
            Values.assignInPlace(stack.element(stack.nextIndex()), v);
            stack.setNextIndex(stack.nextIndex() + 1);
        }
    }

    /**
     * A member of {@code stack.next} in a stack of header unions: writing the member (as
     * extracting into it does) makes it the union's valid member and advances nextIndex.
     */
    record NextUnionMember(StackValue stack, int member) implements Location {
        @Override
        public Value read() {
            return ((UnionValue) stack.element(stack.nextIndex())).member(member);
        }

        @Override
        public void write(Value v) {
            ((UnionValue) stack.element(stack.nextIndex())).setMember(member, (HeaderValue) v);
            stack.setNextIndex(stack.nextIndex() + 1);
        }
    }

    /** Bits {@code hi..lo} of a bit-string location. */
    record Slice(Location base, int hi, int lo) implements Location {
        @Override
        public Value read() {
            return BitsArith.slice((BitsValue) base.read(), hi, lo);
        }

        @Override
        public void write(Value v) {
            base.write(BitsArith.withSlice((BitsValue) base.read(), hi, lo, (BitsValue) v));
        }
    }

    /**
     * A location writes go nowhere: {@code _} as an argument, or a stack element outside the
     * stack's bounds (whose writes P4 leaves undefined; the interpreter drops them). Reads give
     * the value it was made with.
     */
    record Discard(Value value) implements Location {
        @Override
        public Value read() {
            return value;
        }

        @Override
        public void write(Value v) {
            // dropped by definition
        }
    }
}
