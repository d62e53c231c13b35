package dev.p4ebpf.conformance.run.kernel;

import dev.p4ebpf.conformance.run.Target;
import dev.p4ebpf.conformance.run.TargetException;
import dev.p4ebpf.conformance.run.TargetSession;
import dev.p4ebpf.conformance.run.TestProgram;
import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.load.LoadOptions;
import dev.p4ebpf.driver.load.LoadedObject;
import dev.p4ebpf.driver.load.ObjectLoader;
import dev.p4ebpf.driver.table.ProgramEntries;
import dev.p4ebpf.driver.table.Tables;
import dev.p4ebpf.ebpf.compile.EbpfCompiler;

/**
 * The Linux kernel as a target ({@code kernel}): the program is compiled by the eBPF backend
 * (xdp programs for XDP, ebpfFilter programs for tc, as {@code p4ebpf compile} chooses), loaded
 * with the driver (attached nowhere), its declared entries installed, and every packet run once
 * through {@code BPF_PROG_TEST_RUN}. See {@link KernelSession} for how verdicts become outputs.
 * Needs root (CAP_BPF, CAP_NET_ADMIN) on Linux with BPF_PROG_TEST_RUN for xdp and sched_cls.
 */
public final class KernelTarget implements Target {
    public static final String NAME = "kernel";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Compiles and loads {@code program}. A construct the backend cannot compile, a verifier
     * rejection or a missing permission is a {@link TargetException} with the reason; nothing
     * stays loaded then.
     */
    @Override
    public TargetSession open(TestProgram program) throws TargetException {
        EbpfCompiler.Compiled compiled = KernelCompile.compile(program);
        LoadedObject loaded;
        try {
            loaded = ObjectLoader.load(compiled.object(), program.source().getFileName().toString(),
                    LoadOptions.DEFAULT);
        } catch (DriverException e) {
            throw new TargetException("the kernel does not load " + program.source().getFileName() + ": "
                    + e.getMessage(), e);
        }
        Tables tables = new Tables(compiled.controlPlane(), loaded);
        try {
            ProgramEntries.install(tables);
            return new KernelSession(compiled.controlPlane(), loaded, tables);
        } catch (DriverException e) {
            tables.close();
            loaded.close();
            throw new TargetException("the kernel target cannot install the entries " + program.source().getFileName()
                    + " declares: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            tables.close();
            loaded.close();
            throw e;
        }
    }
}
