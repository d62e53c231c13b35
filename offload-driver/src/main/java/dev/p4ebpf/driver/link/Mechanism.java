package dev.p4ebpf.driver.link;

/**
 * How an attachment is made: a kernel BPF link (XDP link or tcx), which is removed when its last
 * descriptor and pin go away, or rtnetlink (IFLA_XDP, or clsact + cls_bpf for tc), which stays
 * until it is detached. Hardware offload of tc programs, and kernels without tcx, need rtnetlink.
 */
public enum Mechanism {
    BPF_LINK("link"),
    NETLINK("netlink");

    private final String word;

    Mechanism(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The mechanism used when the caller does not choose: links, except netlink for offload. */
    public static Mechanism defaultFor(AttachMode mode) {
        return mode.isOffload() ? NETLINK : BPF_LINK;
    }
}
