package dev.p4ebpf.conformance.run;

import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.interp.ExternCall;
import dev.p4ebpf.ir.interp.ExternFunction;
import dev.p4ebpf.ir.interp.ExternModule;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.BoolValue;
import dev.p4ebpf.ir.interp.value.FieldedValue;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * The C extern functions p4c's eBPF sample programs are tested with (p4c links them in from
 * testdata/extern_modules), written again in Java from their documented behaviour:
 *
 * <ul>
 *   <li>{@code bool verify_ipv4_checksum(in IPv4_h iphdr)}: whether the header's checksum is
 *       right (the ones' complement sum of its ten 16-bit words is 0xffff).</li>
 *   <li>{@code bool tcp_conntrack(in Headers_t hdrs)}: a small TCP connection tracker. A SYN
 *       opens a connection (state SYN-SENT, the server being the SYN's destination); the server's
 *       SYN+ACK moves it to SYN-ACKED; the client's ACK to ESTABLISHED. Packets that do not fit
 *       the state are refused (false); in ESTABLISHED, a client's new SYN is refused, a FIN+ACK
 *       closes the connection. As in the C module, whose map is keyed by a 32-bit value, a
 *       connection is identified by the smaller of its two IPv4 addresses.</li>
 *   <li>{@code void extern_func(out bit<32> d, bit<32> s)} of the BMv2 sample
 *       extern-funcs-bmv2.p4: sets d to s.</li>
 * </ul>
 * The tracker's state lives as long as the module instance, that is, one test.
 */
public final class P4cSampleExterns implements ExternModule {
    /** The name the CLI selects this module by. */
    public static final String NAME = "p4c-samples";

    private enum State { SYN_SENT, SYN_ACKED, ESTABLISHED }

    private record Connection(State state, long server) {}

    private final Map<Long, Connection> connections = new HashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ExternFunction function(Method method) {
        return switch (method.name()) {
            case "verify_ipv4_checksum" -> method.params().size() == 1 ? P4cSampleExterns::verifyIpv4Checksum : null;
            case "tcp_conntrack" -> method.params().size() == 1 ? this::conntrack : null;
            case "extern_func" -> method.params().size() == 2 ? call -> {
                call.set(0, call.arg(1));
                return null;
            } : null;
            default -> null;
        };
    }

    private static long field(Value header, String name) {
        return ((BitsValue) ((FieldedValue) header).get(name)).low64();
    }

    private static Value verifyIpv4Checksum(ExternCall call) {
        Value h = call.arg(0);
        long sum = ((field(h, "version") << 12) | (field(h, "ihl") << 8) | field(h, "diffserv"))
                + field(h, "totalLen") + field(h, "identification")
                + ((field(h, "flags") << 13) | field(h, "fragOffset"))
                + ((field(h, "ttl") << 8) | field(h, "protocol")) + field(h, "hdrChecksum");
        for (String a : new String[] {"srcAddr", "dstAddr"}) {
            long v = field(h, a);
            sum += (v >>> 16) + (v & 0xffff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return BoolValue.of(sum == 0xffff);
    }

    private Value conntrack(ExternCall call) {
        FieldedValue hdrs = (FieldedValue) call.arg(0);
        Value ip = hdrs.get("ipv4");
        Value tcp = hdrs.get("tcp");
        long src = field(ip, "srcAddr");
        long dst = field(ip, "dstAddr");
        long key = Math.min(src, dst);
        boolean syn = field(tcp, "syn") == 1;
        boolean ack = field(tcp, "ack") == 1;
        boolean fin = field(tcp, "fin") == 1;
        Connection c = connections.get(key);
        if (c == null) {
            if (syn && !ack) {
                connections.put(key, new Connection(State.SYN_SENT, dst));
                return BoolValue.TRUE;
            }
            return BoolValue.FALSE;
        }
        boolean fromServer = src == c.server();
        return BoolValue.of(switch (c.state()) {
            case SYN_SENT -> fromServer && syn && ack && advance(key, c, State.SYN_ACKED);
            case SYN_ACKED -> !fromServer && !syn && ack && advance(key, c, State.ESTABLISHED);
            case ESTABLISHED -> fromServer || established(key, syn, ack, fin);
        });
    }

    private boolean advance(long key, Connection c, State next) {
        connections.put(key, new Connection(next, c.server()));
        return true;
    }

    private boolean established(long key, boolean syn, boolean ack, boolean fin) {
        if (syn && !ack) {
            return false;
        }
        if (fin && ack) {
            connections.remove(key);
        }
        return true;
    }
}
