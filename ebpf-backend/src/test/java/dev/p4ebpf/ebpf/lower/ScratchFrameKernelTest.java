package dev.p4ebpf.ebpf.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.compile.EbpfCompiler;
import dev.p4ebpf.ebpf.object.MapType;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A program whose stack slots pass the 512 bytes of a BPF frame (eight tables with 64-byte keys)
 * keeps them in a one-entry per-CPU array instead, and still runs (BPF_PROG_TEST_RUN, Linux ≥
 * 5.10, root); a program that fits keeps its frame on the stack.
 */
class ScratchFrameKernelTest {
    private static final int TABLES = 8;

    private static String program(int tables) {
        var decls = new StringBuilder();
        var applies = new StringBuilder();
        for (int i = 0; i < tables; i++) {
            decls.append("    table t").append(i).append(" { key = { hd.h.a: exact; hd.h.b: exact; hd.h.c: exact; hd.h.d: exact; }"
                    + " actions = { add; NoAction; } default_action = NoAction; }\n");
            applies.append("        t").append(i).append(".apply();\n");
        }
        return """
                #include <core.p4>
                #include <xdp_model.p4>
                header h_t { bit<128> a; bit<128> b; bit<128> c; bit<128> d; bit<8> m; }
                struct headers { h_t h; }
                parser P(packet_in pk, out headers hd) { state start { pk.extract(hd.h); transition accept; } }
                control S(inout headers hd, in xdp_input i, out xdp_output o) {
                    action add(bit<8> v) { hd.h.m = hd.h.m + v; }
                %s
                    apply {
                        o.output_action = xdp_action.XDP_PASS;
                %s    }
                }
                control D(in headers hd, packet_out pk) { apply { pk.emit(hd.h); } }
                xdp(P(), S(), D()) main;
                """.formatted(decls, applies);
    }

    private static final String KEY = "000102030405060708090a0b0c0d0e0f".repeat(4);

    @Test
    void largeFrameMovesToAPerCpuScratchMap_linux5_10() throws Exception {
        EbpfCompiler.Compiled c = P4Compile.xdp("scratch.p4", program(TABLES));
        var scratch = c.lowered().maps().stream().filter(m -> m.name().equals("scratch")).findFirst().orElseThrow();
        assertEquals(MapType.PERCPU_ARRAY, scratch.type());
        assertTrue(scratch.valueSize() > 512, "scratch value of " + scratch.valueSize() + " bytes");
        BigInteger k = new BigInteger("000102030405060708090a0b0c0d0e0f", 16);
        try (P4Kernel kernel = P4Kernel.load(c)) {
            kernel.add("S.t3", List.of(k, k, k, k), "add", List.of(BigInteger.valueOf(5)));
            kernel.add("S.t6", List.of(k, k, k, k), "add", List.of(BigInteger.valueOf(7)));
            kernel.expect(KEY + "01 00112233445566", P4Kernel.XDP_PASS, KEY + "0d 00112233445566");
            String other = "ff" + KEY.substring(2);
            kernel.expect(other + "01 00112233445566", P4Kernel.XDP_PASS, other + "01 00112233445566");
        }
    }

    @Test
    void frameThatFitsStaysOnTheStack() {
        EbpfCompiler.Compiled c = P4Compile.xdp("small.p4", program(1));
        assertTrue(c.lowered().maps().stream().noneMatch(m -> m.name().equals("scratch")));
    }
}
