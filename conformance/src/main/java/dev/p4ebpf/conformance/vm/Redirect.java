package dev.p4ebpf.conformance.vm;

import java.util.Optional;

/**
 * Where {@code bpf_redirect} or {@code bpf_redirect_map} sent the packet, as the kernel's
 * redirect info holds it when the program returns {@code XDP_REDIRECT} / {@code TC_ACT_REDIRECT}.
 *
 * @param ifindex   the target device (0 for a broadcast)
 * @param map       the device map for {@code bpf_redirect_map}, empty for {@code bpf_redirect}
 * @param key       the slot of {@code map} that was used
 * @param flags     the helper's flags ({@code BPF_F_INGRESS}, {@code BPF_F_BROADCAST} …)
 */
public record Redirect(int ifindex, Optional<String> map, long key, long flags) {

    static Redirect toDevice(int ifindex, long flags) {
        return new Redirect(ifindex, Optional.empty(), 0, flags);
    }

    static Redirect viaMap(String map, long key, int ifindex, long flags) {
        return new Redirect(ifindex, Optional.of(map), key, flags);
    }

    /** True for {@code bpf_redirect_map} with {@code BPF_F_BROADCAST}. */
    public boolean broadcast() {
        return (flags & 8) != 0 && map.isPresent();
    }
}
