package dev.p4ebpf.driver.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.map.MapAttributes;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.driver.testutil.KernelFeatures;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.PortMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The redirect ports of an XDP program in its devmap_hash {@code tx_ports}. Needs root and Linux 5.4. */
class PortsKernelTest {
    private static ControlPlane withPorts(PortMap portMap) throws Exception {
        ControlPlane e = TestMaps.example();
        return new ControlPlane(e.format(), e.program(), e.architecture(), e.tables(), e.counters(), e.registers(),
                e.valueSets(), portMap);
    }

    @Test
    void portsGoIntoTheDeviceMapAllOrNothing() throws Exception {
        KernelFeatures.requireRootAndKernel(5, 4, "devmap_hash maps");
        ControlPlane cp = withPorts(new PortMap(PortMap.TX_PORTS, "tx_ports", 2));
        try (BpfMap devmap = BpfMap.create(MapAttributes.of("tx_ports", Uapi.BPF_MAP_TYPE_DEVMAP_HASH, 4, 4, 2, 0))) {
            Ports ports = Ports.of(cp, name -> devmap);
            Map<Integer, Integer> lo = Ports.resolve(List.of("5=lo"));
            assertEquals(Map.of(5, 1), lo, "lo is interface 1");
            ports.setAll(lo);
            assertArrayEquals(new byte[] {1, 0, 0, 0}, devmap.lookup(new byte[] {5, 0, 0, 0}).orElseThrow());

            Map<Integer, Integer> tooMany = new LinkedHashMap<>();
            tooMany.put(6, 1);
            tooMany.put(7, 1);
            var full = assertThrows(DriverException.class, () -> ports.setAll(tooMany));
            assertTrue(full.getMessage().startsWith("Port 7 could not be assigned in tx_ports (2 ports at most)"),
                    full.getMessage());
            assertTrue(devmap.lookup(new byte[] {6, 0, 0, 0}).isEmpty(), "the ports written before are taken back");
            assertTrue(devmap.lookup(new byte[] {5, 0, 0, 0}).isPresent(), "earlier assignments stay");
        }
    }

    @Test
    void badAssignmentsAndProgramsWithoutRedirectsAreRefused() throws Exception {
        KernelFeatures.requireRootAndKernel(5, 4, "rtnetlink interface lookup");
        for (String bad : new String[] {"lo", "=lo", "1=", "-1=lo", "x=lo"}) {
            var e = assertThrows(DriverException.class, () -> Ports.resolve(List.of(bad)), bad);
            assertEquals(Kind.BAD_INPUT, e.kind());
            assertTrue(e.getMessage().startsWith("Bad port assignment '" + bad + "': expected PORT=IFACE"), e.getMessage());
        }
        var missing = assertThrows(DriverException.class, () -> Ports.resolve(List.of("1=p4ebpf-none0")));
        assertEquals(Kind.NO_SUCH_INTERFACE, missing.kind());
        var none = assertThrows(DriverException.class, () -> Ports.of(TestMaps.example(), name -> null));
        assertTrue(none.getMessage().contains("has no port map: it never sets XDP_REDIRECT"), none.getMessage());
    }
}
