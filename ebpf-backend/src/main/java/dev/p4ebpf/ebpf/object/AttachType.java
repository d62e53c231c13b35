package dev.p4ebpf.ebpf.object;

/** Expected attach types ({@code enum bpf_attach_type} values) of the programs p4ebpf produces. */
public enum AttachType {
    /** No expected attach type (0): classic tc programs loaded for cls_bpf. */
    NONE(0),
    /** {@code BPF_XDP}. */
    XDP(37),
    /** {@code BPF_TCX_INGRESS}. */
    TCX_INGRESS(46),
    /** {@code BPF_TCX_EGRESS}. */
    TCX_EGRESS(47);

    private final int id;

    AttachType(int id) {
        this.id = id;
    }

    /** The value for {@code BPF_PROG_LOAD}'s {@code expected_attach_type}. */
    public int id() {
        return id;
    }
}
