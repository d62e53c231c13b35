package dev.p4ebpf.ebpf.lir;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A function: its parameters (in r1… on entry), its blocks (the first is the entry) and the stack
 * slots its instructions use.
 */
public record LFunction(String name, List<VReg> params, List<LBlock> blocks, List<StackSlot> slots) {
    public LFunction {
        params = List.copyOf(params);
        blocks = List.copyOf(blocks);
        slots = List.copyOf(slots);
        if (params.size() > 5) {
            throw new IllegalArgumentException(name + ": more than five parameters");
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException(name + ": no blocks");
        }
    }

    public LBlock entry() {
        return blocks.getFirst();
    }

    public Map<Integer, LBlock> byId() {
        return blocks.stream().collect(Collectors.toMap(LBlock::id, Function.identity()));
    }

    /** A readable listing, for dumps and tests. */
    @Override
    public String toString() {
        var sb = new StringBuilder("function ").append(name).append(params).append('\n');
        for (LBlock b : blocks) {
            sb.append("  b").append(b.id()).append(":\n");
            b.insns().forEach(i -> sb.append("    ").append(LPrinter.insn(i)).append('\n'));
            sb.append("    ").append(LPrinter.term(b.term())).append('\n');
        }
        return sb.toString();
    }
}
