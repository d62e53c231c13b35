package dev.p4ebpf.driver.deploy;

import dev.p4ebpf.driver.link.AttachMode;
import java.util.Optional;

/** The name of a registry directory: {@code IFNAME@MODE} or {@code IFNAME@MODE@netns-INODE}. */
record RegistryName(String ifname, AttachMode mode, String netns) {
    static Optional<RegistryName> parse(String name) {
        String netns = "";
        String rest = name;
        int at = name.indexOf("@netns-");
        if (at >= 0) {
            netns = name.substring(at + "@netns-".length());
            rest = name.substring(0, at);
        }
        int dot = rest.lastIndexOf('@');
        if (dot <= 0) {
            return Optional.empty();
        }
        String ns = netns;
        String ifname = dev.p4ebpf.driver.pin.PinNames.decode(rest.substring(0, dot));
        return AttachMode.fromWord(rest.substring(dot + 1)).map(m -> new RegistryName(ifname, m, ns));
    }
}
