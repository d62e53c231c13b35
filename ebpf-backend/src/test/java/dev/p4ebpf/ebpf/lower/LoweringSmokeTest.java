package dev.p4ebpf.ebpf.lower;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.ir.diag.Diagnostics;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LoweringSmokeTest {
    @Test
    void routerLowers() {
        Path p = Path.of("../examples/xdp-router/router.p4");
        var r = Frontend.compile(p, p.toString(), FrontendOptions.defaults());
        assertTrue(r.ok(), r.diagnostics()::toString);
        var diags = new Diagnostics();
        var l = EbpfLowering.lower(r.program().get(), EbpfLowering.Hook.XDP, "router", diags);
        assertTrue(l.isPresent(), diags.all()::toString);
        System.out.println(l.get().function());
        System.out.println(l.get().controlPlane());
    }
}
