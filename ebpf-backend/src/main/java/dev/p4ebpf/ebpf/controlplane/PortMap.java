package dev.p4ebpf.ebpf.controlplane;

/**
 * The device map an XDP program redirects through: when the pipeline's {@code output_action} is
 * {@code XDP_REDIRECT}, the program looks {@code output_port} up in this {@code devmap_hash} (key
 * u32 port, value u32 ifindex, little-endian) with {@code bpf_redirect_map}; a port the map does
 * not hold is taken as an interface index and redirected to with {@code bpf_redirect}. The loader
 * (or the user) fills it with the ports the program may send to.
 *
 * @param name the P4-facing name, {@code tx_ports}
 * @param map the BPF map's name in the object
 * @param maxEntries how many ports it holds
 */
public record PortMap(String name, String map, int maxEntries) {
    /** The name programs and users know the map by. */
    public static final String TX_PORTS = "tx_ports";
}
