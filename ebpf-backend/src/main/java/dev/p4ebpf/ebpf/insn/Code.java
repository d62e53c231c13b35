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
     * This block with every target that names a bound label replaced by the raw offset it stands
     * for, and no labels: what decoding the block's encoding gives. Labels the block does not bind
     * (calls of other functions) stay.
     */
    public Code withOffsets() {
        int[] slotAt = slotOffsets();
        List<Insn> out = new ArrayList<>(insns.size());
        for (int i = 0; i < insns.size(); i++) {
            out.add(retarget(insns.get(i), slotAt, slotAt[i]));
        }
        return Code.of(out);
    }

    private Insn retarget(Insn insn, int[] slotAt, int slot) {
        return switch (insn) {
            case Insn.Branch b -> new Insn.Branch(b.jmp32(), b.op(), b.dst(), b.src(), offset(b.target(), slotAt, slot), b.meta());
            case Insn.Goto g -> new Insn.Goto(g.wide(), offset(g.target(), slotAt, slot), g.meta());
            case Insn.CallLocal c -> new Insn.CallLocal(offset(c.target(), slotAt, slot), c.meta());
            case Insn.LoadImm64 l when l.value() instanceof Imm64.Func f ->
                    new Insn.LoadImm64(l.dst(), new Imm64.Func(offset(f.target(), slotAt, slot)), l.meta());
            default -> insn;
        };
    }

    private Target offset(Target t, int[] slotAt, int slot) {
        if (t instanceof Label l && labels.containsKey(l.name())) {
            return new Offset(slotAt[labels.get(l.name())] - slot - 1);
        }
        return t;
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
