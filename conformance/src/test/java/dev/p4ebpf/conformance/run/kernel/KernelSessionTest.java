package dev.p4ebpf.conformance.run.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.conformance.run.ControlPlaneModel;
import dev.p4ebpf.conformance.run.TargetException;
import dev.p4ebpf.conformance.run.TargetSession;
import dev.p4ebpf.conformance.run.TestProgram;
import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.frontend.FrontendResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kernel target's edges, on BPF_PROG_TEST_RUN for xdp and sched_cls (Linux >= 6.6, root):
 * packets the kernel will not run, verdicts it cannot report, programs the backend cannot compile,
 * and descriptors released on close.
 */
class KernelSessionTest {
    private static final Path DIR = Path.of("src/test/resources/kernel");
    private static final byte[] IPV4 = HexFormat.of().parseHex("020000000001020000000002080045000014000000004011"
            + "0000c0000201c0000202");

    private static TestProgram program(String file) {
        Path p4 = DIR.resolve(file);
        FrontendResult r = Frontend.compile(p4, p4.toString(), FrontendOptions.defaults());
        assertTrue(r.program().isPresent(), file + " does not pass the frontend: " + r.diagnostics());
        return new TestProgram(p4, r.program().get());
    }

    @Test
    void aShortIpv4FrameOnTcIsThatPacketsFailureWithTheReasonAndTheSessionGoesOn() throws TargetException {
        KernelRequirement.require();
        try (TargetSession s = new KernelTarget().open(program("stf/tables-ebpf.p4"))) {
            byte[] shortFrame = java.util.Arrays.copyOf(IPV4, 25);
            TargetException e = assertThrows(TargetException.class, () -> s.send(0, shortFrame));
            assertTrue(e.getMessage().contains("EINVAL") && e.getMessage().contains("at least 34 bytes"),
                    e.getMessage());
            TargetException tiny = assertThrows(TargetException.class, () -> s.send(0, new byte[10]));
            assertTrue(tiny.getMessage().contains("at least an Ethernet header (14 bytes)"), tiny.getMessage());
            assertEquals(0, s.send(0, IPV4).outputs().size(), "the acl's default denies");
        }
    }

    @Test
    void xdpTxComesOutOnTheInputPortAndRedirectIsThatPacketsFailure() throws TargetException {
        KernelRequirement.require();
        try (TargetSession s = new KernelTarget().open(program("stf/verdicts-xdp.p4"))) {
            var out = s.send(7, IPV4).outputs();
            assertEquals(1, out.size());
            assertEquals(7, out.getFirst().port());
        }
        try (TargetSession s = new KernelTarget().open(program("redirect-xdp.p4"))) {
            TargetException e = assertThrows(TargetException.class, () -> s.send(0, IPV4));
            assertTrue(e.getMessage().contains("XDP_REDIRECT"), e.getMessage());
        }
    }

    @Test
    void aConstructTheBackendCannotCompileIsATargetExceptionCarryingItsDiagnostic() throws IOException {
        TestProgram p = program("varbit-ebpf.p4");
        long before = openDescriptors();
        TargetException e = assertThrows(TargetException.class, () -> new KernelTarget().open(p));
        assertTrue(e.getMessage().startsWith("the eBPF backend cannot compile varbit-ebpf.p4:"), e.getMessage());
        assertTrue(e.getMessage().contains("varbit-ebpf.p4:") && e.getMessage().contains("varbit"), e.getMessage());
        assertEquals(before, openDescriptors(), "descriptors left open");
    }

    @Test
    void closingTheSessionReleasesEveryDescriptor() throws Exception {
        KernelRequirement.require();
        TestProgram p = program("stf/tables-ebpf.p4");
        long before = openDescriptors();
        try (TargetSession s = new KernelTarget().open(p)) {
            assertTrue(openDescriptors() > before, "the session holds the program and its maps");
            s.send(0, IPV4);
        }
        assertEquals(before, openDescriptors(), "descriptors left open after close");
    }

    @Test
    void directCountersAndSwitchCommandsAreRefusedWithTheReason() throws TargetException {
        KernelRequirement.require();
        try (TargetSession s = new KernelTarget().open(program("stf/tables-ebpf.p4"))) {
            ControlPlaneModel.ExternModel hits = s.model().externs().getFirst();
            assertEquals(ControlPlaneModel.ExternKind.COUNTER, hits.kind());
            TargetException e = assertThrows(TargetException.class,
                    () -> s.readCounter(hits, OptionalLong.empty(), Optional.of("A")));
            assertTrue(e.getMessage().contains("no direct counters"), e.getMessage());
            assertEquals(0, s.readCounter(hits, OptionalLong.of(3), Optional.empty())[0]);
        }
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
