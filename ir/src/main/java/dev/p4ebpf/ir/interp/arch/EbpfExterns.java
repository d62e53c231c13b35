package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.interp.ExternCall;
import dev.p4ebpf.ir.interp.ExternFunction;
import dev.p4ebpf.ir.interp.ExternInstanceSpec;
import dev.p4ebpf.ir.interp.ExternModule;
import dev.p4ebpf.ir.interp.ExternObject;
import dev.p4ebpf.ir.interp.InterpreterException;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.BoolValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import java.util.List;

/**
 * The externs of ebpf_model.p4 and xdp_model.p4: {@code CounterArray}, the table
 * implementations {@code array_table} and {@code hash_table} (which only say how a table is
 * stored, and change nothing the interpreter computes), and xdp_model.p4's checksum helpers and
 * helper wrappers.
 */
final class EbpfExterns {
    private final List<ExternModule> modules;
    private long clockNanos;

    EbpfExterns(List<ExternModule> modules) {
        this.modules = modules;
    }

    ExternObject instantiate(ExternInstanceSpec spec) {
        return switch (spec.extern()) {
            case "CounterArray" -> new CounterArray(Values.count(spec.args().get(0)),
                    ((BoolValue) spec.args().get(1)).value());
            case "array_table", "hash_table" -> new TableImplementation(spec.extern());
            default -> throw new InterpreterException(spec.span(), "extern " + spec.extern()
                    + " is not part of the eBPF architecture the interpreter models");
        };
    }

    /** Extern functions of ebpf_model.p4 (none beyond core.p4's) and of xdp_model.p4 when {@code xdp}. */
    ExternFunction function(Method m, boolean xdp) {
        if (xdp) {
            ExternFunction f = switch (m.name()) {
                case "ebpf_ipv4_checksum" -> EbpfExterns::ipv4Checksum;
                case "csum_replace2" -> call -> csumReplace(call, 16);
                case "csum_replace4" -> call -> csumReplace(call, 32);
                case "BPF_PERF_EVENT_OUTPUT" -> call -> BitsValue.zero(32, false);
                case "BPF_KTIME_GET_NS" -> call -> BitsValue.of(32, false, clockNanos);
                default -> null;
            };
            if (f != null) {
                return f;
            }
        }
        return ModelSupport.coreFunction(m, modules);
    }

    /**
     * Advances the clock {@code BPF_KTIME_GET_NS} reads: the interpreter's time is 1000 ns per
     * packet processed, so that programs reading it behave the same on every run.
     */
    void tick() {
        clockNanos += 1000;
    }

    private static Value ipv4Checksum(ExternCall call) {
        long[] f = new long[11];
        for (int i = 0; i < 11; i++) {
            f[i] = ((BitsValue) call.arg(i)).low64();
        }
        long sum = ((f[0] << 12) | (f[1] << 8) | f[2]) + f[3] + f[4] + ((f[5] << 13) | f[6]) + ((f[7] << 8) | f[8])
                + (f[9] >>> 16) + (f[9] & 0xffff) + (f[10] >>> 16) + (f[10] & 0xffff);
        return BitsValue.of(16, false, ~OnesComplement.fold(sum));
    }

    /** RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'), for a 16- or 32-bit word m replaced by m'. */
    private static Value csumReplace(ExternCall call, int width) {
        long hc = ((BitsValue) call.arg(0)).low64();
        long old = ((BitsValue) call.arg(1)).low64();
        long now = ((BitsValue) call.arg(2)).low64();
        long sum = (~hc & 0xffff);
        for (int shift = width - 16; shift >= 0; shift -= 16) {
            sum += (~(old >>> shift) & 0xffff) + ((now >>> shift) & 0xffff);
        }
        return BitsValue.of(16, false, ~OnesComplement.fold(sum));
    }
}
