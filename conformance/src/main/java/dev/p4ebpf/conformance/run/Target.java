package dev.p4ebpf.conformance.run;

/**
 * Something that runs P4 programs on packets: the reference interpreter, the kernel through
 * BPF_PROG_TEST_RUN, a Java eBPF VM, the NFP subset. The STF runner drives every target the same
 * way, through a {@link TargetSession}.
 */
public interface Target {

    /** The name users select the target by ({@code interp}). */
    String name();

    /** Loads {@code program}; the session holds its tables and state until closed. */
    TargetSession open(TestProgram program) throws TargetException;
}
