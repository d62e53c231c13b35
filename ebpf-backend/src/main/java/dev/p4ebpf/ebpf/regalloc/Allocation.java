package dev.p4ebpf.ebpf.regalloc;

import dev.p4ebpf.ebpf.insn.Reg;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.VReg;
import java.util.Map;

/**
 * The result of register allocation: the function as it must be emitted (in {@link MachineForm},
 * with spill code), the physical register of each of its virtual registers, and its frame.
 *
 * @param function  the function to emit: the allocator's rewrite of its input
 * @param registers virtual register id → physical register (r0–r9)
 * @param frame     the stack offset of every slot, spill slots included
 * @param spilled   how many virtual registers were spilled or rematerialized
 */
public record Allocation(LFunction function, Map<Integer, Reg> registers, FrameLayout frame, int spilled) {
    public Allocation {
        registers = Map.copyOf(registers);
    }

    /** The physical register of {@code v}. */
    public Reg reg(VReg v) {
        Reg r = registers.get(v.id());
        if (r == null) {
            throw new IllegalArgumentException("no register was allocated for " + v);
        }
        return r;
    }

    /** A listing of the function with each virtual register followed by its physical one. */
    public String listing() {
        StringBuilder sb = new StringBuilder();
        String text = function.toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("%(\\d+)(\\.[A-Za-z0-9_.]*)?").matcher(text);
        int last = 0;
        while (m.find()) {
            sb.append(text, last, m.end());
            Reg r = registers.get(Integer.parseInt(m.group(1)));
            sb.append('{').append(r == null ? "?" : r.name(true)).append('}');
            last = m.end();
        }
        sb.append(text.substring(last));
        sb.append("frame ").append(frame.size()).append(" bytes, ").append(spilled).append(" spilled\n");
        return sb.toString();
    }
}
