package dev.p4ebpf.ebpf.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.compile.EbpfCompiler;
import dev.p4ebpf.ebpf.controlplane.PortMap;
import dev.p4ebpf.ebpf.object.MapType;
import org.junit.jupiter.api.Test;

/**
 * XDP_REDIRECT goes through the {@code tx_ports} device map (devmap_hash, u32 port → u32 ifindex)
 * that the control-plane description names, falling back to {@code bpf_redirect} for a port the map
 * does not hold. BPF_PROG_TEST_RUN (Linux ≥ 5.10, root) shows the verdict, not where a frame goes:
 * the kernel test checks that the map takes a port and that both paths redirect.
 */
class RedirectKernelTest {
    private static final String PROGRAM = """
            #include <core.p4>
            #include <xdp_model.p4>
            header h_t { bit<32> port; bit<8> redirect; }
            struct headers { h_t h; }
            parser P(packet_in pk, out headers hd) { state start { pk.extract(hd.h); transition accept; } }
            control S(inout headers hd, in xdp_input i, out xdp_output o) {
                apply {
                    o.output_port = hd.h.port;
                    o.output_action = hd.h.redirect == 1 ? xdp_action.XDP_REDIRECT : xdp_action.XDP_PASS;
                }
            }
            control D(in headers hd, packet_out pk) { apply { pk.emit(hd.h); } }
            xdp(P(), S(), D()) main;
            """;
    private static final String PAD = "00112233445566778899";

    @Test
    void redirectingProgramHasTheTxPortsDeviceMap() {
        EbpfCompiler.Compiled c = P4Compile.xdp("redirect.p4", PROGRAM);
        PortMap ports = c.controlPlane().portMap();
        assertEquals(PortMap.TX_PORTS, ports.name());
        var map = c.lowered().maps().stream().filter(m -> m.name().equals(ports.map())).findFirst().orElseThrow();
        assertEquals(MapType.DEVMAP_HASH, map.type());
        assertEquals(4, map.keySize());
        assertEquals(4, map.valueSize());
        assertEquals(ports.maxEntries(), map.maxEntries());
        assertTrue(c.controlPlaneJson().contains("\"portMap\""), c.controlPlaneJson());
    }

    @Test
    void programWithoutRedirectHasNoDeviceMap() {
        EbpfCompiler.Compiled c = P4Compile.xdp("pass.p4", PROGRAM.replace("xdp_action.XDP_REDIRECT", "xdp_action.XDP_TX"));
        assertNull(c.controlPlane().portMap());
        assertTrue(c.lowered().maps().stream().noneMatch(m -> m.type() == MapType.DEVMAP_HASH));
    }

    @Test
    void redirectThroughTxPortsAndByIfindex_linux5_10() throws Exception {
        EbpfCompiler.Compiled c = P4Compile.xdp("redirect.p4", PROGRAM);
        try (P4Kernel k = P4Kernel.load(c)) {
            // port 7 is the loopback interface (ifindex 1), which every network namespace has
            k.runner().update(c.controlPlane().portMap().map(), new byte[] {7, 0, 0, 0}, new byte[] {1, 0, 0, 0});
            k.expectVerdict("00000007 01" + PAD, P4Kernel.XDP_REDIRECT);
            k.expectVerdict("00000001 01" + PAD, P4Kernel.XDP_REDIRECT);
            k.expect("00000007 00" + PAD, P4Kernel.XDP_PASS, "00000007 00" + PAD);
        }
    }
}
