package dev.p4ebpf.conformance.vm;

import java.io.ByteArrayOutputStream;

/** Builds test frames: Ethernet, IPv4 with a correct header checksum, UDP with a correct checksum. */
final class Packets {
    private Packets() {
    }

    static final byte[] MAC_A = {0x02, 0, 0, 0, 0, 0x0a};
    static final byte[] MAC_B = {0x02, 0, 0, 0, 0, 0x0b};

    static byte[] eth(byte[] dst, byte[] src, int type, byte[] payload) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(dst);
        o.writeBytes(src);
        o.write(type >>> 8);
        o.write(type);
        o.writeBytes(payload);
        return o.toByteArray();
    }

    static int addr(int a, int b, int c, int d) {
        return a << 24 | b << 16 | c << 8 | d;
    }

    static byte[] ipv4(int src, int dst, int proto, int ttl, int tos, int id, byte[] payload) {
        byte[] p = new byte[20 + payload.length];
        p[0] = 0x45;
        p[1] = (byte) tos;
        put16(p, 2, p.length);
        put16(p, 4, id);
        p[8] = (byte) ttl;
        p[9] = (byte) proto;
        put32(p, 12, src);
        put32(p, 16, dst);
        put16(p, 10, ~sum(p, 0, 20, 0) & 0xffff);
        System.arraycopy(payload, 0, p, 20, payload.length);
        return p;
    }

    static byte[] udp(int src, int dst, int sport, int dport, byte[] payload, boolean checksum) {
        byte[] u = new byte[8 + payload.length];
        put16(u, 0, sport);
        put16(u, 2, dport);
        put16(u, 4, u.length);
        System.arraycopy(payload, 0, u, 8, payload.length);
        if (checksum) {
            int pseudo = (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + 17 + u.length;
            int c = ~sum(u, 0, u.length, pseudo) & 0xffff;
            put16(u, 6, c == 0 ? 0xffff : c);
        }
        return u;
    }

    /** A full Ethernet/IPv4/UDP frame. */
    static byte[] udpFrame(int src, int dst, int dport, int ttl, int tos, int id, byte[] payload, boolean checksum) {
        return eth(MAC_A, MAC_B, 0x0800, ipv4(src, dst, 17, ttl, tos, id, udp(src, dst, 4000, dport, payload, checksum)));
    }

    static int sum(byte[] b, int from, int to, int seed) {
        long s = seed;
        for (int i = from; i < to; i += 2) {
            s += (b[i] & 0xff) << 8 | (i + 1 < to ? b[i + 1] & 0xff : 0);
        }
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) s;
    }

    static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    static void put32(byte[] b, int at, int v) {
        put16(b, at, v >>> 16);
        put16(b, at + 2, v);
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i * 7);
        }
        return b;
    }

    static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    static byte[] le64(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }
}
