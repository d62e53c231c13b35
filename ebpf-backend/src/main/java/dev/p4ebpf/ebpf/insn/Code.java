package dev.p4ebpf.ebpf.insn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A straight sequence of instructions with labels bound to instruction indices: one function
 * body, or one program section. Immutable; build one with {@link #builder()}.
 *
 * <p>Invariants: every label is bound to an index in {@code [0, size)}; label names are unique.
 * A label bound to index {@code i} names the instruction {@code insns.get(i)}.
 *
 * @param insns  the instructions in order
 * @param labels label name → index into {@code insns}
 */
public record Code(List<Insn> insns, Map<String, Integer> labels) {

    public Code {
        insns = List.copyOf(insns);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        for (var e : labels.entrySet()) {
            if (e.getValue() < 0 || e.getValue() >= insns.size()) {
                throw new IllegalArgumentException("label " + e.getKey() + " is bound to index " + e.getValue()
                        + " outside the " + insns.size() + " instructions");
            }
        }
    }

    /** A block without labels. */
    public static Code of(List<Insn> insns) {
        return new Code(insns, Map.of());
    }

    public static Code of(Insn... insns) {
        return of(List.of(insns));
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return insns.size();
    }

    /** Total instruction slots (8-byte units). */
    public int slots() {
        int n = 0;
        for (Insn i : insns) {
            n += i.slots();
        }
        return n;
    }

    /** Slot number of each instruction index, plus one entry for the end. */
    public int[] slotOffsets() {
        int[] at = new int[insns.size() + 1];
        for (int i = 0; i < insns.size(); i++) {
            at[i + 1] = at[i] + insns.get(i).slots();
        }
        return at;
    }

    /** Labels by the index they are bound to, in index order (several may share one index). */
    public TreeMap<Integer, List<String>> labelsByIndex() {
        TreeMap<Integer, List<String>> by = new TreeMap<>();
        labels.forEach((name, at) -> by.computeIfAbsent(at, k -> new ArrayList<>()).add(name));
        by.values().forEach(Collections::sort);
        return by;
    }

    /**
     * Collects instructions and label bindings in order. Legal call order: any sequence of
     * {@link #emit} and {@link #bind}; a label bound last must be followed by an instruction before
     * {@link #build}.
     */
    public static final class Builder {
        private final List<Insn> insns = new ArrayList<>();
        private final Map<String, Integer> labels = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder emit(Insn insn) {
            insns.add(insn);
            return this;
        }

        public Builder emit(Insn... more) {
            for (Insn i : more) {
                emit(i);
            }
            return this;
        }

        /** Binds {@code label} to the next instruction emitted. */
        public Builder bind(Label label) {
            if (labels.putIfAbsent(label.name(), insns.size()) != null) {
                throw new IllegalArgumentException("label " + label.name() + " is bound twice");
            }
            return this;
        }

        public Code build() {
            return new Code(insns, labels);
        }
    }
}
