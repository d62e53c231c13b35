package dev.p4ebpf.ir.interp;

import java.util.List;

/**
 * What happened to one packet: the packets sent out (none when it was dropped), and a line per
 * step the architecture took that a reader would want to know about ("parser: reject with
 * error.NoMatch", "dropped: egress_spec is the drop port 511", …).
 */
public record PacketResult(List<OutputPacket> outputs, List<String> trace) {
    public PacketResult {
        outputs = List.copyOf(outputs);
        trace = List.copyOf(trace);
    }
}
