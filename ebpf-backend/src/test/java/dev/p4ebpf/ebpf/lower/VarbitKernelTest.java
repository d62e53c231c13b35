package dev.p4ebpf.ebpf.lower;

import org.junit.jupiter.api.Test;

/**
 * varbit extraction and emission in the kernel (BPF_PROG_TEST_RUN, Linux ≥ 5.10, root): a header
 * with a fixed byte and a varbit of up to 16 bytes whose length the header before it gives, left in
 * place by a deparser that emits what was parsed, and moved by one that drops the first header.
 */
class VarbitKernelTest {
    /** Payload that brings each packet to the 14 bytes an XDP test run needs. */
    private static final String PAD = " 00112233445566778899aabbcc";

    private static String program(String kindOne) {
        return """
                #include <core.p4>
                #include <xdp_model.p4>
                header k_t { bit<8> kind; bit<8> len; }
                header opt_t { bit<8> tag; varbit<128> data; }
                header tail_t { bit<16> x; }
                struct headers_t { k_t k; opt_t opt; tail_t tail; }
                parser prs(packet_in p, out headers_t h) {
                    state start {
                        p.extract(h.k);
                        p.extract(h.opt, (bit<32>) h.k.len * 8);
                        p.extract(h.tail);
                        transition accept;
                    }
                }
                control pipe(inout headers_t h, in xdp_input i, out xdp_output o) {
                    apply {
                        o.output_action = xdp_action.XDP_PASS;
                        h.tail.x = h.tail.x + 1;
                        if (h.k.kind == 1) { %s }
                    }
                }
                control dprs(in headers_t h, packet_out p) { apply { p.emit(h.k); p.emit(h.opt); p.emit(h.tail); } }
                xdp(prs(), pipe(), dprs()) main;
                """.formatted(kindOne);
    }

    @Test
    void varbitHeaderStaysInPlace_linux5_10() throws Exception {
        try (P4Kernel k = P4Kernel.load(P4Compile.xdp("varbit_in_place.p4", program("o.output_action = xdp_action.XDP_TX;")))) {
            k.expect("00 03 07 aabbcc 1234 ff" + PAD, P4Kernel.XDP_PASS, "00 03 07 aabbcc 1235 ff" + PAD);
            k.expect("01 00 07 1234" + PAD, P4Kernel.XDP_TX, "01 00 07 1235" + PAD);
            k.expect("00 10 07 0102030405060708090a0b0c0d0e0f10 1234" + PAD, P4Kernel.XDP_PASS, "00 10 07 0102030405060708090a0b0c0d0e0f10 1235" + PAD);
            k.expectVerdict("00 11 07 0102030405060708090a0b0c0d0e0f1011 1234", P4Kernel.XDP_DROP);
            k.expectVerdict("00 10 07 0102030405060708090a0b", P4Kernel.XDP_DROP);
            k.expectVerdict("00 0b 07 0102030405060708090a0b 12", P4Kernel.XDP_DROP);
        }
    }

    @Test
    void varbitBytesMoveWhenTheDeparserLaysThePacketOutAnew_linux5_10() throws Exception {
        try (P4Kernel k = P4Kernel.load(P4Compile.xdp("varbit_moved.p4", program("h.k.setInvalid();")))) {
            k.expect("00 03 07 aabbcc 1234 ff" + PAD, P4Kernel.XDP_PASS, "00 03 07 aabbcc 1235 ff" + PAD);
            k.expect("01 02 07 aabb 1234 ff" + PAD, P4Kernel.XDP_PASS, "07 aabb 1235 ff" + PAD);
            k.expect("01 00 07 1234" + PAD, P4Kernel.XDP_PASS, "07 1235" + PAD);
            k.expect("01 10 07 0102030405060708090a0b0c0d0e0f10 1234" + PAD, P4Kernel.XDP_PASS, "07 0102030405060708090a0b0c0d0e0f10 1235" + PAD);
            k.expectVerdict("01 11 07 0102030405060708090a0b0c0d0e0f1011 1234", P4Kernel.XDP_DROP);
        }
    }
}
