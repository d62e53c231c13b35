package dev.p4ebpf.conformance.vm;

/**
 * The verdicts of a tc program: {@code TC_ACT_*} of linux/pkt_cls.h, which tcx reads as TCX_NEXT (-1),
 * TCX_PASS (0), TCX_DROP (2) and TCX_REDIRECT (7).
 */
public enum TcAction {
    UNSPEC(-1), OK(0), RECLASSIFY(1), SHOT(2), PIPE(3), STOLEN(4), QUEUED(5), REPEAT(6), REDIRECT(7), TRAP(8), UNKNOWN(Integer.MIN_VALUE);

    private final int code;

    TcAction(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static TcAction of(int retval) {
        for (TcAction a : values()) {
            if (a.code == retval) {
                return a;
            }
        }
        return UNKNOWN;
    }
}
