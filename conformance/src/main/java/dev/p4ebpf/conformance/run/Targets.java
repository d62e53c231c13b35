package dev.p4ebpf.conformance.run;

import dev.p4ebpf.conformance.run.kernel.KernelTarget;
import dev.p4ebpf.ir.interp.ExternModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The targets a test can run on, by name, and the extern modules the interpreter can be given.
 * The interpreter and the kernel (BPF_PROG_TEST_RUN); a Java eBPF VM and the NFP subset join here.
 */
public final class Targets {
    /** The target names, in the order {@code --on} lists them. */
    public static final List<String> NAMES = List.of(InterpreterTarget.NAME, KernelTarget.NAME);
    /** The extern modules {@link #target} accepts. */
    public static final List<String> MODULES = List.of(P4cSampleExterns.NAME);

    private Targets() {}

    /**
     * The target called {@code name}, with these extern modules and random seed; empty when
     * there is no such target.
     */
    public static Optional<Target> target(String name, List<String> modules, long seed) {
        if (name.equals(KernelTarget.NAME)) {
            return Optional.of(new KernelTarget());
        }
        if (!name.equals(InterpreterTarget.NAME)) {
            return Optional.empty();
        }
        List<String> chosen = List.copyOf(modules);
        return Optional.of(new InterpreterTarget(() -> moduleInstances(chosen), seed));
    }

    private static List<ExternModule> moduleInstances(List<String> names) {
        List<ExternModule> out = new ArrayList<>();
        for (String n : names) {
            if (n.equals(P4cSampleExterns.NAME)) {
                out.add(new P4cSampleExterns());
            } else {
                throw new IllegalArgumentException("no extern module " + n);
            }
        }
        return out;
    }
}
