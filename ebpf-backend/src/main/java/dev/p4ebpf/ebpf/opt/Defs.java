package dev.p4ebpf.ebpf.opt;

import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.VReg;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Registers with exactly one definition in the function (and that are not parameters): their value
 * never changes once set, so a rule may look through them to the instruction that computed them.
 */
final class Defs {
    private final Map<Integer, Integer> count = new HashMap<>();
    private final Map<Integer, LInsn> def = new HashMap<>();

    Defs(LFunction f) {
        f.params().forEach(p -> count.merge(p.id(), 2, Integer::sum));
        for (LBlock b : f.blocks()) {
            for (LInsn i : b.insns()) {
                i.def().ifPresent(d -> {
                    count.merge(d.id(), 1, Integer::sum);
                    def.put(d.id(), i);
                });
            }
        }
    }

    /** The only instruction that writes {@code v}, if there is exactly one. */
    Optional<LInsn> single(VReg v) {
        return count.getOrDefault(v.id(), 0) == 1 ? Optional.of(def.get(v.id())) : Optional.empty();
    }

    boolean isSingle(VReg v) {
        return count.getOrDefault(v.id(), 0) == 1;
    }
}
