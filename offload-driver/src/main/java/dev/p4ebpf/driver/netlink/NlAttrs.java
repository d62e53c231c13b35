package dev.p4ebpf.driver.netlink;

import dev.p4ebpf.driver.sys.Uapi;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes of a received netlink message, by type (the nested flag stripped). Later
 * duplicates overwrite earlier ones, which is how the families we read use them.
 */
public final class NlAttrs {
    private final Map<Integer, byte[]> byType;

    private NlAttrs(Map<Integer, byte[]> byType) {
        this.byType = byType;
    }

    /** Parses the attributes in {@code data[offset, offset + length)}. */
    public static NlAttrs parse(byte[] data, int offset, int length) {
        Map<Integer, byte[]> map = new LinkedHashMap<>();
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int pos = offset;
        int end = Math.min(data.length, offset + length);
        while (pos + Uapi.NLA_HDRLEN <= end) {
            int len = Short.toUnsignedInt(b.getShort(pos));
            int type = Short.toUnsignedInt(b.getShort(pos + 2)) & 0x3fff;
            if (len < Uapi.NLA_HDRLEN || pos + len > end) {
                break;
            }
            byte[] payload = new byte[len - Uapi.NLA_HDRLEN];
            System.arraycopy(data, pos + Uapi.NLA_HDRLEN, payload, 0, payload.length);
            map.put(type, payload);
            pos += (len + 3) & ~3;
        }
        return new NlAttrs(map);
    }

    public Optional<byte[]> bytes(int type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Optional<Integer> u32(int type) {
        return bytes(type).filter(p -> p.length >= 4)
                .map(p -> ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }

    public Optional<Integer> u8(int type) {
        return bytes(type).filter(p -> p.length >= 1).map(p -> Byte.toUnsignedInt(p[0]));
    }

    public Optional<String> string(int type) {
        return bytes(type).map(p -> {
            int n = 0;
            while (n < p.length && p[n] != 0) {
                n++;
            }
            return new String(p, 0, n, StandardCharsets.UTF_8);
        });
    }

    public Optional<NlAttrs> nested(int type) {
        return bytes(type).map(p -> parse(p, 0, p.length));
    }
}
