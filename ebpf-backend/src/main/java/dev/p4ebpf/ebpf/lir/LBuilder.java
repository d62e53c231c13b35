package dev.p4ebpf.ebpf.lir;

import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link LFunction}: creates registers, stack slots and blocks, and appends instructions to
 * the current block until a terminator closes it. Legal call order: {@link #newBlock} to make a
 * block, {@link #switchTo} to start filling it, {@link #emit} any number of times, one terminator
 * ({@link #jump}, {@link #branch}, {@link #ret}); repeat; {@link #build} last. Blocks never switched
 * to are dropped.
 */
public final class LBuilder {
    private final String name;
    private final List<VReg> params = new ArrayList<>();
    private final List<StackSlot> slots = new ArrayList<>();
    private final Map<Integer, List<LInsn>> bodies = new LinkedHashMap<>();
    private final Map<Integer, LTerm> terms = new LinkedHashMap<>();
    private int nextReg;
    private int nextBlock;
    private int current = -1;

    public LBuilder(String name) {
        this.name = name;
    }

    public VReg param(String hint) {
        VReg r = reg(hint);
        params.add(r);
        return r;
    }

    public VReg reg(String hint) {
        return new VReg(nextReg++, hint);
    }

    public StackSlot slot(int size, int align, String hint) {
        var s = new StackSlot(slots.size(), size, align, hint);
        slots.add(s);
        return s;
    }

    /** A new, empty block's id. */
    public int newBlock() {
        return nextBlock++;
    }

    /** Continues filling {@code block}, which must not be terminated yet. */
    public LBuilder switchTo(int block) {
        if (terms.containsKey(block)) {
            throw new IllegalStateException("block b" + block + " is already terminated");
        }
        bodies.computeIfAbsent(block, b -> new ArrayList<>());
        current = block;
        return this;
    }

    /** The block being filled, or -1 after a terminator. */
    public int current() {
        return current;
    }

    public boolean terminated() {
        return current < 0;
    }

    public LBuilder emit(LInsn i) {
        requireOpen();
        bodies.get(current).add(i);
        return this;
    }

    public void jump(int target, Span span) {
        terminate(new LTerm.Jump(target, span));
    }

    public void branch(dev.p4ebpf.ebpf.insn.JmpOp cond, boolean is32, VReg a, Operand b, int ifTrue, int ifFalse,
                       Span span) {
        terminate(new LTerm.Branch(cond, is32, a, b, ifTrue, ifFalse, span));
    }

    public void ret(Operand value, Span span) {
        terminate(new LTerm.Return(value, span));
    }

    private void terminate(LTerm t) {
        requireOpen();
        terms.put(current, t);
        current = -1;
    }

    private void requireOpen() {
        if (current < 0) {
            throw new IllegalStateException("no open block: switchTo one first");
        }
    }

    /** The function; every block switched to must be terminated. The entry is the first block switched to. */
    public LFunction build() {
        var blocks = new ArrayList<LBlock>();
        for (var e : bodies.entrySet()) {
            LTerm t = terms.get(e.getKey());
            if (t == null) {
                throw new IllegalStateException(name + ": block b" + e.getKey() + " has no terminator");
            }
            blocks.add(new LBlock(e.getKey(), e.getValue(), t));
        }
        return new LFunction(name, params, blocks, slots);
    }
}
