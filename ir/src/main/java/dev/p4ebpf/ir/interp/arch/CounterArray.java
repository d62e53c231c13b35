package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.interp.CounterReadout;
import dev.p4ebpf.ir.interp.ExternCall;
import dev.p4ebpf.ir.interp.ExternObject;
import dev.p4ebpf.ir.interp.InterpreterException;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import java.util.HashMap;
import java.util.Map;

/**
 * ebpf_model.p4's {@code CounterArray(max_index, sparse)}: unsigned 32-bit counters that wrap
 * around, {@code increment(i)} adding one and {@code add(i, v)} adding v. Indices above
 * {@code max_index} are ignored, as the eBPF array map they live in has no such cell (a
 * sparse counter's hash map accepts any index).
 */
final class CounterArray implements ExternObject, CounterReadout {
    private final long maxIndex;
    private final boolean sparse;
    private final Map<Long, Long> cells = new HashMap<>();

    CounterArray(long maxIndex, boolean sparse) {
        this.maxIndex = maxIndex;
        this.sparse = sparse;
    }

    @Override
    public String externName() {
        return "CounterArray";
    }

    @Override
    public Value call(ExternCall call) {
        long index = ((BitsValue) call.arg(0)).low64() & 0xffffffffL;
        long add = switch (call.method()) {
            case "increment" -> 1;
            case "add" -> Values.count(call.arg(1));
            default -> throw new InterpreterException(call.span(), "CounterArray has no method " + call.method());
        };
        if (sparse || index <= maxIndex) {
            cells.merge(index, add, (a, b) -> (a + b) & 0xffffffffL);
        }
        return null;
    }

    @Override
    public long size() {
        return sparse ? -1 : maxIndex + 1;
    }

    @Override
    public long packets(long index) {
        return cells.getOrDefault(index, 0L);
    }

    @Override
    public long bytes(long index) {
        return 0;
    }
}
