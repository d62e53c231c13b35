package dev.p4ebpf.ebpf.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * What the backend cannot compile is reported at the P4 construct ({@code file:line:col}), with the
 * reason and what to do.
 */
class UnsupportedDiagnosticsTest {
    private static final String PARSE_AND_EMIT = """
            parser P(packet_in pk, out headers hd) { state start { pk.extract(hd.h); transition accept; } }
            control D(in headers hd, packet_out pk) { apply { pk.emit(hd.h); } }
            """;

    @Test
    void varbitLocalVariableIsReportedAtItsDeclaration() {
        String src = """
                #include <core.p4>
                #include <xdp_model.p4>
                header h_t { bit<8> len; varbit<32> data; }
                struct headers { h_t h; }
                parser P(packet_in pk, out headers hd) {
                    state start { pk.extract(hd.h, 8); transition accept; }
                }
                control S(inout headers hd, in xdp_input i, out xdp_output o) {
                    varbit<32> copy;
                    apply { copy = hd.h.data; hd.h.data = copy; o.output_action = xdp_action.XDP_PASS; }
                }
                control D(in headers hd, packet_out pk) { apply { pk.emit(hd.h); } }
                xdp(P(), S(), D()) main;
                """;
        String error = P4Compile.compile("varbit_local.p4", src, EbpfLowering.Hook.XDP).error();
        assertEquals("varbit_local.p4:5:24: error: varbit field hdr.h.data is not supported: varbit values are kept"
                + " only in headers that stay in the packet; keep the data in a header field that is only extracted,"
                + " read and emitted", error);
    }

    @Test
    void unknownExternFunctionIsReportedAtTheCall() {
        String src = """
                #include <core.p4>
                #include <xdp_model.p4>
                header h_t { bit<8> a; }
                struct headers { h_t h; }
                extern bit<8> my_hash(in bit<8> x);
                control S(inout headers hd, in xdp_input i, out xdp_output o) {
                    apply { hd.h.a = my_hash(hd.h.a); o.output_action = xdp_action.XDP_PASS; }
                }
                """ + PARSE_AND_EMIT + "xdp(P(), S(), D()) main;\n";
        String error = P4Compile.compile("extern_fn.p4", src, EbpfLowering.Hook.XDP).error();
        assertEquals("extern_fn.p4:7:22: error: extern function my_hash is not supported: the eBPF backend implements"
                + " the externs of ebpf_model.p4, xdp_model.p4 and core.p4; use one of those or write the computation"
                + " in P4", error);
    }

    @Test
    void wideDivisionIsReportedAtTheOperation() {
        String src = """
                #include <core.p4>
                #include <xdp_model.p4>
                header h_t { bit<128> a; }
                struct headers { h_t h; }
                control S(inout headers hd, in xdp_input i, out xdp_output o) {
                    apply { hd.h.a = hd.h.a / 3; o.output_action = xdp_action.XDP_PASS; }
                }
                """ + PARSE_AND_EMIT + "xdp(P(), S(), D()) main;\n";
        String error = P4Compile.compile("wide_div.p4", src, EbpfLowering.Hook.XDP).error();
        assertEquals("wide_div.p4:6:22: error: this operation on 128 bits (hd.h.a / 128w3) is not supported: values"
                + " wider than 64 bits can be assigned, compared, sliced, cast, concatenated, shifted, negated and"
                + " combined with + - * & | ^ ~, and used as table keys and action data; compute the rest on slices of"
                + " at most 64 bits", error);
    }
}
