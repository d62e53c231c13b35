package dev.p4ebpf.ebpf.opt;

import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.VReg;
import java.util.HashSet;
import java.util.Set;

/**
 * Which registers may hold an address in the stack frame: those set by {@code StackAddr}, copies
 * and arithmetic of them, and — if such an address is ever stored to memory — anything loaded.
 * A load or store through any other register cannot touch a stack slot.
 */
final class StackPointers {
    private final Set<Integer> may = new HashSet<>();

    StackPointers(LFunction f) {
        boolean stored = false;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (LBlock b : f.blocks()) {
                for (LInsn i : b.insns()) {
                    boolean derived = switch (i) {
                        case LInsn.StackAddr s -> true;
                        case LInsn.Mov m -> m.src() instanceof VReg v && may.contains(v.id());
                        case LInsn.Alu a -> may.contains(a.a().id()) || a.b() instanceof VReg v && may.contains(v.id());
                        case LInsn.Load l -> stored;
                        case LInsn.LoadStack l -> stored;
                        default -> false;
                    };
                    if (derived && i.def().isPresent() && may.add(i.def().get().id())) {
                        changed = true;
                    }
                    boolean storesPointer = switch (i) {
                        case LInsn.Store s -> s.value() instanceof VReg v && may.contains(v.id());
                        case LInsn.StoreStack s -> s.value() instanceof VReg v && may.contains(v.id());
                        default -> false;
                    };
                    if (storesPointer && !stored) {
                        stored = true;
                        changed = true;
                    }
                }
            }
        }
    }

    /** True when {@code v} may point into the stack. */
    boolean mayPointToStack(VReg v) {
        return may.contains(v.id());
    }
}
