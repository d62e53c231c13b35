package dev.p4ebpf.driver.table;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.netlink.NetlinkSocket;
import dev.p4ebpf.driver.netlink.Rtnl;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.PortMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ports an XDP program redirects to ({@code xout.output_port} with {@code XDP_REDIRECT}): the
 * {@link PortMap} {@code tx_ports} maps each P4 port number to an interface. A port it does not
 * hold is taken as an interface index by the program itself.
 */
public final class Ports {
    private final PortMap portMap;
    private final BpfMap map;

    private Ports(PortMap portMap, BpfMap map) {
        this.portMap = portMap;
        this.map = map;
    }

    /** The port map of a loaded program; a BAD_INPUT failure when the program never redirects. */
    public static Ports of(ControlPlane cp, MapSource source) {
        if (cp.portMap() == null) {
            throw new DriverException(Kind.BAD_INPUT, "Program " + cp.program() + " has no port map: it never sets"
                    + " XDP_REDIRECT, so there are no ports to assign. Nothing was written.");
        }
        return new Ports(cp.portMap(), source.map(cp.portMap().map()));
    }

    /**
     * Parses {@code PORT=IFACE} assignments and resolves the interfaces (in the calling thread's
     * network namespace); nothing is written, and a bad assignment fails before any is.
     */
    public static Map<Integer, Integer> resolve(Iterable<String> assignments) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        try (NetlinkSocket socket = NetlinkSocket.openRoute()) {
            Rtnl rtnl = new Rtnl(socket);
            for (String a : assignments) {
                int eq = a.indexOf('=');
                int port;
                try {
                    port = eq < 1 ? -1 : Integer.parseUnsignedInt(a.substring(0, eq).trim());
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 0 || eq == a.length() - 1) {
                    throw new DriverException(Kind.BAD_INPUT, "Bad port assignment '" + a + "': expected PORT=IFACE,"
                            + " a port number from 0 to 4294967295 and an interface name (e.g. 1=veth1). Nothing was written.");
                }
                out.put(port, rtnl.link(a.substring(eq + 1).trim()).ifindex());
            }
        }
        return out;
    }

    /** Sends port {@code port} to the interface with index {@code ifindex}. */
    public void set(int port, int ifindex) {
        try {
            map.update(u32(port), u32(ifindex), Uapi.BPF_ANY);
        } catch (DriverException e) {
            throw new DriverException(e.kind(), "Port " + Integer.toUnsignedString(port) + " could not be assigned in "
                    + portMap.name() + " (" + portMap.maxEntries() + " ports at most): " + e.getMessage(),
                    e.errno().orElse(null), e);
        }
    }

    /** Writes every assignment, all or none: a refused one takes back those written before it. */
    public void setAll(Map<Integer, Integer> assignments) {
        List<Integer> done = new ArrayList<>();
        try {
            for (var e : assignments.entrySet()) {
                set(e.getKey(), e.getValue());
                done.add(e.getKey());
            }
        } catch (RuntimeException e) {
            done.forEach(p -> map.delete(u32(p)));
            throw e;
        }
    }

    private static byte[] u32(int v) {
        byte[] b = new byte[4];
        EntryCodec.putU32(b, 0, v);
        return b;
    }
}
