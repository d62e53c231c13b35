package dev.p4ebpf.ebpf.lir;

import java.util.ArrayList;
import java.util.List;

/** Small helpers over LIR operands. */
final class LInsns {
    private LInsns() {}

    static List<VReg> regs(Operand... ops) {
        var out = new ArrayList<VReg>(ops.length);
        for (Operand o : ops) {
            if (o instanceof VReg v) {
                out.add(v);
            }
        }
        return out;
    }
}
