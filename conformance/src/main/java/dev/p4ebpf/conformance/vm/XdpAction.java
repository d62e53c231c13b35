package dev.p4ebpf.conformance.vm;

/** The verdicts of an XDP program ({@code enum xdp_action}); any other value is treated as ABORTED by drivers. */
public enum XdpAction {
    ABORTED, DROP, PASS, TX, REDIRECT, UNKNOWN;

    public static XdpAction of(int retval) {
        return retval >= 0 && retval <= 4 ? values()[retval] : UNKNOWN;
    }
}
