package dev.p4ebpf.driver.link;

import dev.p4ebpf.driver.sys.Uapi;
import java.util.Arrays;
import java.util.Optional;

/** Where and how a program runs on an interface; {@link #word()} is the CLI's spelling. */
public enum AttachMode {
    /** XDP in the driver (native). */
    XDP("xdp", Uapi.BPF_PROG_TYPE_XDP, Uapi.XDP_FLAGS_DRV_MODE),
    /** XDP on the generic (skb) path, available on every device. */
    XDP_GENERIC("xdp-generic", Uapi.BPF_PROG_TYPE_XDP, Uapi.XDP_FLAGS_SKB_MODE),
    /** XDP offloaded to the NIC; the program and its maps must be loaded for the device. */
    XDP_OFFLOAD("xdp-offload", Uapi.BPF_PROG_TYPE_XDP, Uapi.XDP_FLAGS_HW_MODE),
    /** tc ingress hook. */
    TC_INGRESS("tc-ingress", Uapi.BPF_PROG_TYPE_SCHED_CLS, 0),
    /** tc egress hook. */
    TC_EGRESS("tc-egress", Uapi.BPF_PROG_TYPE_SCHED_CLS, 0);

    private final String word;
    private final int programType;
    private final int xdpFlags;

    AttachMode(String word, int programType, int xdpFlags) {
        this.word = word;
        this.programType = programType;
        this.xdpFlags = xdpFlags;
    }

    public String word() {
        return word;
    }

    /** The program type this hook runs. */
    public int programType() {
        return programType;
    }

    /** The XDP_FLAGS_* mode bit (0 for tc). */
    public int xdpFlags() {
        return xdpFlags;
    }

    public boolean isXdp() {
        return programType == Uapi.BPF_PROG_TYPE_XDP;
    }

    public boolean isOffload() {
        return this == XDP_OFFLOAD;
    }

    /** The tcx attach type (BPF_TCX_INGRESS/EGRESS); tc modes only. */
    public int tcxAttachType() {
        return this == TC_EGRESS ? Uapi.BPF_TCX_EGRESS : Uapi.BPF_TCX_INGRESS;
    }

    /** The clsact hook's minor (TC_H_MIN_INGRESS/EGRESS); tc modes only. */
    public int clsactMinor() {
        return this == TC_EGRESS ? Uapi.TC_H_MIN_EGRESS : Uapi.TC_H_MIN_INGRESS;
    }

    public static Optional<AttachMode> fromWord(String word) {
        return Arrays.stream(values()).filter(m -> m.word.equals(word)).findFirst();
    }

    public static String words() {
        return String.join("|", Arrays.stream(values()).map(AttachMode::word).toList());
    }
}
