package dev.p4ebpf.ebpf.object;

/** The kernel program types p4ebpf produces ({@code enum bpf_prog_type} values). */
public enum ProgramType {
    /** {@code BPF_PROG_TYPE_SCHED_CLS}: tc classifier (cls_bpf, tcx). */
    SCHED_CLS(3),
    /** {@code BPF_PROG_TYPE_SCHED_ACT}: tc action. */
    SCHED_ACT(4),
    /** {@code BPF_PROG_TYPE_XDP}. */
    XDP(6);

    private final int id;

    ProgramType(int id) {
        this.id = id;
    }

    /** The value for {@code BPF_PROG_LOAD}'s {@code prog_type}. */
    public int id() {
        return id;
    }
}
