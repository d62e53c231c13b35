package dev.p4ebpf.ebpf.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.compile.EbpfCompiler;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values wider than 64 bits (kept as 64-bit limbs) compute what P4 says, checked in the kernel
 * (BPF_PROG_TEST_RUN, Linux ≥ 5.10, root) against a BigInteger model on random packets: 128-bit,
 * 100-bit (not byte-aligned) and 72-bit fields, in a header kept in the packet and in one kept in
 * registers; addition, subtraction, multiplication, bitwise operations, constant and run-time
 * shifts, slices, concatenation, casts, unsigned and signed comparisons, a mux, a local variable, a
 * 228-bit exact key and 128- and 72-bit action data.
 */
class WideValuesKernelTest {
    private static final long SEED = 20261201L;
    private static final int PACKETS_PER_OP = 40;
    private static final int OPS = 16;
    private static final BigInteger M128 = mask(128);
    private static final BigInteger M100 = mask(100);
    private static final BigInteger M72 = mask(72);
    private static final BigInteger KEY_B = new BigInteger("0123456789abcdeffedcba9876543210", 16);
    private static final BigInteger KEY_U = new BigInteger("abcdef0123456789abcdef012", 16);
    private static final BigInteger ARG_V = new BigInteger("ffffffffffffffff0000000000000001", 16);
    private static final BigInteger ARG_W = new BigInteger("a5a5a5a5a5a5a5a5a5", 16);

    private static String program(boolean inRegisters) {
        return """
                #include <core.p4>
                #include <xdp_model.p4>
                header w_t { bit<128> a; bit<128> b; bit<4> n; bit<100> u; bit<8> m; bit<72> odd; bit<8> op; }
                struct headers { w_t w; }
                parser P(packet_in pk, out headers hd) { state start { pk.extract(hd.w); transition accept; } }
                control S(inout headers hd, in xdp_input i, out xdp_output o) {
                    action set_a(bit<128> v, bit<72> w) { hd.w.a = v; hd.w.odd = w; }
                    table tbl { key = { hd.w.b: exact; hd.w.u: exact; } actions = { set_a; NoAction; }
                                default_action = NoAction; }
                    apply {
                        o.output_action = xdp_action.XDP_PASS;
                        %s
                        if (hd.w.op == 1) { hd.w.a = hd.w.a + hd.w.b; }
                        else if (hd.w.op == 2) { hd.w.a = hd.w.a - hd.w.b; }
                        else if (hd.w.op == 3) { hd.w.a = (hd.w.a & hd.w.b) ^ (~hd.w.a | hd.w.b); }
                        else if (hd.w.op == 4) { hd.w.a = hd.w.a << 68; hd.w.b = hd.w.b >> 3; hd.w.u = hd.w.u << 1; }
                        else if (hd.w.op == 5) { hd.w.a = hd.w.a << hd.w.m; hd.w.b = hd.w.b >> hd.w.m; }
                        else if (hd.w.op == 6) {
                            if (hd.w.a < hd.w.b) { o.output_action = xdp_action.XDP_DROP; }
                            else if (hd.w.a == hd.w.b) { o.output_action = xdp_action.XDP_TX; }
                        }
                        else if (hd.w.op == 7) {
                            hd.w.odd = hd.w.a[71:0];
                            hd.w.a = hd.w.b[63:0] ++ hd.w.a[127:64];
                            hd.w.u = hd.w.u + 1;
                        }
                        else if (hd.w.op == 8) { tbl.apply(); }
                        else if (hd.w.op == 9) {
                            int<128> x = (int<128>) hd.w.a;
                            if (x < 0) { hd.w.a = (bit<128>) (x >> 4); } else { hd.w.b = -hd.w.b; }
                        }
                        else if (hd.w.op == 10) {
                            bit<128> t = hd.w.a > hd.w.b ? hd.w.a : hd.w.b;
                            hd.w.a = t;
                            hd.w.b = ((bit<128>) hd.w.odd) << 8;
                        }
                        else if (hd.w.op == 11) {
                            hd.w.n = (bit<4>) hd.w.a;
                            hd.w.m = hd.w.a[127:120];
                            hd.w.odd = (bit<72>) hd.w.b;
                            hd.w.u = hd.w.a[127:28];
                        }
                        else if (hd.w.op == 12) {
                            if (hd.w.u >= (bit<100>) hd.w.odd) { hd.w.m = 1; } else { hd.w.m = 2; }
                            if (hd.w.a <= hd.w.b) { hd.w.n = 1; } else { hd.w.n = 2; }
                        }
                        else if (hd.w.op == 13) {
                            if ((int<128>) hd.w.a < (int<128>) hd.w.b) { o.output_action = xdp_action.XDP_DROP; }
                            hd.w.a = hd.w.a ^ hd.w.b;
                        }
                        else if (hd.w.op == 14) { hd.w.a = hd.w.a * hd.w.b; hd.w.u = hd.w.u * 3; }
                        else if (hd.w.op == 15) { hd.w.odd = hd.w.odd * (bit<72>) hd.w.m; }
                    }
                }
                control D(in headers hd, packet_out pk) { apply { pk.emit(hd.w); } }
                xdp(P(), S(), D()) main;
                """.formatted(inRegisters ? "if (hd.w.op == 255) { hd.w.setValid(); }" : "");
    }

    /** The header's fields. */
    record W(BigInteger a, BigInteger b, int n, BigInteger u, int m, BigInteger odd, int op) {
        byte[] bytes() {
            BigInteger v = a.shiftLeft(320).or(b.shiftLeft(192)).or(BigInteger.valueOf(n).shiftLeft(188))
                    .or(u.shiftLeft(88)).or(BigInteger.valueOf(m).shiftLeft(80)).or(odd.shiftLeft(8))
                    .or(BigInteger.valueOf(op));
            byte[] out = new byte[56 + 4];
            for (int i = 0; i < 56; i++) {
                out[55 - i] = (byte) v.shiftRight(8 * i).intValue();
            }
            out[56] = (byte) 0xde;
            out[57] = (byte) 0xad;
            out[58] = (byte) 0xbe;
            out[59] = (byte) 0xef;
            return out;
        }

        W withA(BigInteger x) {
            return new W(x.and(M128), b, n, u, m, odd, op);
        }

        W withB(BigInteger x) {
            return new W(a, x.and(M128), n, u, m, odd, op);
        }

        W withU(BigInteger x) {
            return new W(a, b, n, x.and(M100), m, odd, op);
        }
    }

    record Outcome(int verdict, W w) {}

    /** What the P4 program computes. */
    private static Outcome model(W w) {
        int pass = P4Kernel.XDP_PASS;
        return switch (w.op()) {
            case 1 -> new Outcome(pass, w.withA(w.a().add(w.b())));
            case 2 -> new Outcome(pass, w.withA(w.a().subtract(w.b())));
            case 3 -> new Outcome(pass, w.withA(w.a().and(w.b()).xor(w.a().not().or(w.b()))));
            case 4 -> new Outcome(pass, w.withA(w.a().shiftLeft(68)).withB(w.b().shiftRight(3)).withU(w.u().shiftLeft(1)));
            case 5 -> new Outcome(pass, w.withA(w.a().shiftLeft(w.m())).withB(w.b().shiftRight(w.m())));
            case 6 -> new Outcome(w.a().compareTo(w.b()) < 0 ? P4Kernel.XDP_DROP
                    : w.a().equals(w.b()) ? P4Kernel.XDP_TX : pass, w);
            case 7 -> new Outcome(pass, new W(w.b().and(mask(64)).shiftLeft(64).or(w.a().shiftRight(64)), w.b(), w.n(),
                    w.u().add(BigInteger.ONE).and(M100), w.m(), w.a().and(M72), w.op()));
            case 8 -> new Outcome(pass, w.b().equals(KEY_B) && w.u().equals(KEY_U)
                    ? new W(ARG_V, w.b(), w.n(), w.u(), w.m(), ARG_W, w.op()) : w);
            case 9 -> {
                BigInteger x = signed(w.a(), 128);
                yield new Outcome(pass, x.signum() < 0 ? w.withA(x.shiftRight(4)) : w.withB(w.b().negate()));
            }
            case 10 -> new Outcome(pass, w.withA(w.a().max(w.b())).withB(w.odd().shiftLeft(8)));
            case 11 -> new Outcome(pass, new W(w.a(), w.b(), w.a().intValue() & 15, w.a().shiftRight(28).and(M100),
                    w.a().shiftRight(120).intValue(), w.b().and(M72), w.op()));
            case 12 -> new Outcome(pass, new W(w.a(), w.b(), w.a().compareTo(w.b()) <= 0 ? 1 : 2, w.u(),
                    w.u().compareTo(w.odd()) >= 0 ? 1 : 2, w.odd(), w.op()));
            case 13 -> new Outcome(signed(w.a(), 128).compareTo(signed(w.b(), 128)) < 0 ? P4Kernel.XDP_DROP : pass,
                    w.withA(w.a().xor(w.b())));
            case 14 -> new Outcome(pass, w.withA(w.a().multiply(w.b())).withU(w.u().multiply(BigInteger.valueOf(3))));
            case 15 -> new Outcome(pass, new W(w.a(), w.b(), w.n(), w.u(), w.m(),
                    w.odd().multiply(BigInteger.valueOf(w.m())).and(M72), w.op()));
            default -> new Outcome(pass, w);
        };
    }

    @ParameterizedTest(name = "in registers: {0}")
    @ValueSource(booleans = {false, true})
    void wideValuesComputeLikeBigIntegers_linux5_10(boolean inRegisters) throws Exception {
        EbpfCompiler.Compiled c = P4Compile.xdp("wide_values.p4", program(inRegisters));
        System.out.println("WideValuesKernelTest seed " + SEED);
        Random rnd = new Random(SEED);
        try (P4Kernel k = P4Kernel.load(c)) {
            k.add("S.tbl", List.of(KEY_B, KEY_U), "set_a", List.of(ARG_V, ARG_W));
            for (int op = 0; op < OPS; op++) {
                for (int i = 0; i < PACKETS_PER_OP; i++) {
                    W w = random(rnd, op);
                    Outcome want = model(w);
                    P4Kernel.Result got = k.run(w.bytes());
                    String what = "op " + op + " on " + w;
                    assertEquals(want.verdict(), got.verdict(), () -> "verdict of " + what);
                    assertArrayEquals(want.w().bytes(), got.packet(), () -> "packet of " + what + ": " + got.hex());
                }
            }
        }
    }

    private static W random(Random rnd, int op) {
        BigInteger a = value(rnd, 128);
        BigInteger b = rnd.nextInt(6) == 0 ? a : value(rnd, 128);
        BigInteger u = value(rnd, 100);
        if (op == 8 && rnd.nextBoolean()) {
            b = KEY_B;
            u = rnd.nextInt(4) == 0 ? u : KEY_U;
        }
        return new W(a, b, rnd.nextInt(16), u, rnd.nextInt(256), value(rnd, 72), op);
    }

    /** Random bits with the edge cases over-represented: zero, all ones, one bit, each limb's boundary. */
    private static BigInteger value(Random rnd, int width) {
        return switch (rnd.nextInt(8)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> mask(width);
            case 2 -> BigInteger.ONE.shiftLeft(rnd.nextInt(width));
            case 3 -> mask(rnd.nextInt(width + 1));
            case 4 -> mask(width).xor(mask(rnd.nextInt(width + 1)));
            default -> new BigInteger(width, rnd);
        };
    }

    private static BigInteger mask(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }

    private static BigInteger signed(BigInteger v, int width) {
        return v.testBit(width - 1) ? v.subtract(BigInteger.ONE.shiftLeft(width)) : v;
    }
}
