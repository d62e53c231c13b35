package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.interp.Architecture;
import dev.p4ebpf.ir.interp.ExternFunction;
import dev.p4ebpf.ir.interp.ExternInstanceSpec;
import dev.p4ebpf.ir.interp.ExternObject;
import dev.p4ebpf.ir.interp.InterpreterOptions;

/**
 * What the two eBPF architecture models share: the externs of ebpf_model.p4 and xdp_model.p4
 * (CounterArray, hash and array tables, checksum helpers, the extern modules the user gave).
 */
abstract sealed class EbpfFamilyModel implements Architecture permits EbpfFilterModel, XdpModel {
    /** The externs of this program's instances. */
    protected final EbpfExterns externs;
    private final boolean xdp;

    EbpfFamilyModel(InterpreterOptions options, boolean xdp) {
        this.externs = new EbpfExterns(options.externModules());
        this.xdp = xdp;
    }

    @Override
    public final ExternObject instantiate(ExternInstanceSpec spec) {
        return externs.instantiate(spec);
    }

    @Override
    public final ExternFunction function(Method method) {
        return externs.function(method, xdp);
    }
}
