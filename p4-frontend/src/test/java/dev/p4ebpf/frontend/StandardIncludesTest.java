package dev.p4ebpf.frontend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.frontend.source.SourceFile;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The bundled standard includes parse and check, alone and under a program of their architecture. */
class StandardIncludesTest {
    private static final List<String> INCLUDES = List.of("core.p4", "ebpf_model.p4", "xdp_model.p4", "v1model.p4",
            "psa.p4", "pna.p4", "bmv2/psa.p4", "bmv2/pna.p4", "dpdk/psa.p4", "dpdk/pna.p4", "tc/pna.p4", "ubpf_model.p4");

    private static FrontendResult check(String name, String text) {
        return Frontend.compile(new SourceFile(name, text), FrontendOptions.defaults());
    }

    @TestFactory
    Stream<DynamicTest> eachIncludeChecks() {
        return INCLUDES.stream().map(inc -> DynamicTest.dynamicTest(inc, () -> {
            String core = inc.startsWith("dpdk/psa") ? "#include <core.p4>\n" : "";
            FrontendResult r = check("include-" + inc.replace('/', '-'), core + "#include <" + inc + ">\n");
            assertTrue(r.ok(), () -> inc + ": " + r.diagnostics());
            assertTrue(r.diagnostics().isEmpty(), () -> inc + " gives diagnostics: " + r.diagnostics());
        }));
    }

    @Test
    void aV1modelProgramChecks() {
        FrontendResult r = check("v1model-min.p4", """
                #include <core.p4>
                #include <v1model.p4>
                header h_t { bit<8> f; }
                struct headers { h_t h; }
                struct meta {}
                parser P(packet_in pkt, out headers hdr, inout meta m, inout standard_metadata_t sm) {
                    state start { pkt.extract(hdr.h); transition accept; }
                }
                control V(inout headers hdr, inout meta m) { apply {} }
                control I(inout headers hdr, inout meta m, inout standard_metadata_t sm) {
                    apply { if (hdr.h.f == 0) { mark_to_drop(sm); } else { sm.egress_spec = 1; } }
                }
                control E(inout headers hdr, inout meta m, inout standard_metadata_t sm) { apply {} }
                control C(inout headers hdr, inout meta m) { apply {} }
                control D(packet_out pkt, in headers hdr) { apply { pkt.emit(hdr.h); } }
                V1Switch(P(), V(), I(), E(), C(), D()) main;
                """);
        assertTrue(r.ok(), () -> r.diagnostics().toString());
    }

    @Test
    void anEbpfFilterProgramChecks() {
        FrontendResult r = check("ebpf-min.p4", """
                #include <core.p4>
                #include <ebpf_model.p4>
                header h_t { bit<8> f; }
                struct headers { h_t h; }
                parser P(packet_in pkt, out headers hdr) { state start { pkt.extract(hdr.h); transition accept; } }
                control F(inout headers hdr, out bool accept) { apply { accept = hdr.h.f != 0; } }
                ebpfFilter(P(), F()) main;
                """);
        assertTrue(r.ok(), () -> r.diagnostics().toString());
    }
}
