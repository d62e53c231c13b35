package dev.p4ebpf.driver.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.driver.sys.Uapi;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NlMessageTest {
    /** The bytes of an XDP attach request, annotated field by field. */
    @Test
    void setXdpRequestBytes() {
        byte[] m = new NlMessage(Uapi.RTM_SETLINK, 0).ifinfomsg(7).begin(Uapi.IFLA_XDP).u32(Uapi.IFLA_XDP_FD, 5)
                .u32(Uapi.IFLA_XDP_FLAGS, Uapi.XDP_FLAGS_SKB_MODE).end().encode(42);
        String expected = ""
                + "34000000" + "1300" + "0500" + "2a000000" + "00000000" // nlmsghdr: len 52, RTM_SETLINK, REQUEST|ACK, seq 42
                + "00" + "00" + "0000" + "07000000" + "00000000" + "00000000" // ifinfomsg: AF_UNSPEC, ifindex 7
                + "1400" + "2b80" // IFLA_XDP | NLA_F_NESTED, 20 bytes
                + "0800" + "0100" + "05000000" // IFLA_XDP_FD 5
                + "0800" + "0300" + "02000000"; // IFLA_XDP_FLAGS SKB_MODE
        assertEquals(expected, HexFormat.of().formatHex(m));
    }

    @Test
    void dumpsCarryNoAck() {
        byte[] m = new NlMessage(Uapi.RTM_GETLINK, Uapi.NLM_F_DUMP).ifinfomsg(0).encode(1);
        assertEquals(Uapi.NLM_F_REQUEST | Uapi.NLM_F_DUMP, (m[6] & 0xff) | (m[7] & 0xff) << 8);
    }

    /** Attributes written by NlMessage read back by NlAttrs, over random payloads (seed printed). */
    @Test
    void attributesRoundTrip() {
        long seed = 4242;
        System.out.println("attributesRoundTrip seed " + seed);
        Random random = new Random(seed);
        for (int trial = 0; trial < 200; trial++) {
            byte[] payload = new byte[random.nextInt(40)];
            random.nextBytes(payload);
            int value = random.nextInt();
            String text = "name" + random.nextInt(1000);
            byte[] m = new NlMessage(Uapi.RTM_NEWLINK, 0).ifinfomsg(1).attr(9, payload).u32(10, value).string(3, text)
                    .begin(11).u32(1, value ^ 1).end().encode(trial);
            int body = Uapi.NLMSG_HDRLEN + Uapi.IFINFOMSG_SIZE;
            NlAttrs a = NlAttrs.parse(m, body, m.length - body);
            assertArrayEquals(payload, a.bytes(9).orElseThrow());
            assertEquals(value, a.u32(10).orElseThrow());
            assertEquals(text, a.string(3).orElseThrow());
            assertEquals(value ^ 1, a.nested(11).orElseThrow().u32(1).orElseThrow());
        }
    }

    @Test
    void truncatedAttributesStopTheParseInsteadOfReadingPastTheEnd() {
        byte[] bad = HexFormat.of().parseHex("0800010005000000" + "ff000200");
        NlAttrs a = NlAttrs.parse(bad, 0, bad.length);
        assertEquals(5, a.u32(1).orElseThrow());
        assertEquals(java.util.Optional.empty(), a.bytes(2));
    }
}
