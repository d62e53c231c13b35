package dev.p4ebpf.driver.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.driver.link.AttachMode;
import dev.p4ebpf.driver.pin.PinNames;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryNameTest {
    @Test
    void namesRoundTripIncludingDotsAndNamespaces() {
        for (String ifname : new String[] {"eth0", "eth0.100", "a%b.c", "veth-1"}) {
            for (AttachMode mode : AttachMode.values()) {
                String dir = PinNames.encode(ifname) + "@" + mode.word() + "@netns-4026532178";
                assertEquals(Optional.of(new RegistryName(ifname, mode, "4026532178")), RegistryName.parse(dir));
                String plain = PinNames.encode(ifname) + "@" + mode.word();
                assertEquals(Optional.of(new RegistryName(ifname, mode, "")), RegistryName.parse(plain));
                assertEquals(-1, dir.indexOf('.'), "the bpf file system refuses dots");
            }
        }
        assertEquals(Optional.empty(), RegistryName.parse("maps"));
        assertEquals(Optional.empty(), RegistryName.parse("eth0@warp-drive"));
    }
}
