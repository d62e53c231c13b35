package dev.p4ebpf.conformance.midend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.frontend.FrontendResult;
import dev.p4ebpf.frontend.source.SourceFile;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Diagnostic;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.midend.Midend;
import dev.p4ebpf.ir.pass.DumpPrinter;
import dev.p4ebpf.ir.pass.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * p4c's P4_16 samples through the whole midend (local only: the samples are not part of this
 * project; the test looks for a p4c checkout in {@code -Dp4c.dir}, default /work/p4c, and is skipped
 * without one). For every sample the frontend accepts: the pipeline must not crash, may refuse only
 * with {@code unsupported} diagnostics, and its output must check back — to an equal program
 * whenever the frontend's own output does (the others show printer limits, not midend ones, and are
 * counted). The counts go to stdout and to {@code target/midend-corpus.txt}.
 */
class MidendCorpusTest {
    private static final Path P4C = Path.of(System.getProperty("p4c.dir", "/work/p4c"));
    private static final Path SAMPLES = P4C.resolve("testdata/p4_16_samples");

    static List<Path> samples() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "no p4c checkout with testdata/p4_16_samples at " + P4C
                + " (set -Dp4c.dir=DIR to run this test)");
        try (Stream<Path> s = Files.list(SAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".p4")).sorted().toList();
        }
    }

    private record Outcome(String kind, String detail) {}

    @Test
    void everyAcceptedSampleGoesThroughTheMidendAndChecksBack() throws IOException {
        var lines = new ArrayList<String>();
        var failures = new ArrayList<String>();
        int accepted = 0;
        int equal = 0;
        int unsupported = 0;
        int printerLimited = 0;
        for (Path f : samples()) {
            FrontendResult fr = Frontend.compile(f, f.toString(), FrontendOptions.defaults());
            if (!fr.ok() || fr.program().isEmpty()) {
                continue;
            }
            accepted++;
            Outcome o = run(fr.program().get());
            lines.add(o.kind() + " " + SAMPLES.relativize(f) + (o.detail().isEmpty() ? "" : ": " + o.detail()));
            switch (o.kind()) {
                case "equal" -> equal++;
                case "unsupported" -> unsupported++;
                case "printer-limited" -> printerLimited++;
                default -> failures.add(SAMPLES.relativize(f) + ": " + o.kind() + ": " + o.detail());
            }
        }
        String summary = String.format("midend corpus: %d samples accepted by the frontend; %d through the midend "
                + "and checked back to an equal program; %d refused as unsupported; %d checked back only as far as the "
                + "frontend's own output does; %d failures", accepted, equal, unsupported, printerLimited, failures.size());
        System.out.println(summary);
        lines.addFirst(summary);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/midend-corpus.txt"), lines);
        assertEquals(List.of(), failures);
    }

    /** One sample: how far it got. */
    private static Outcome run(Program front) {
        boolean baseStable = checksBackEqual(front, front);
        var diags = new Diagnostics();
        Pipeline.Result r;
        try {
            r = Midend.run(Midend.pipeline(), front, diags, (p, i, prog) -> {});
        } catch (RuntimeException e) {
            return new Outcome("crash", e.getMessage());
        }
        if (!r.ok()) {
            List<Diagnostic> errors = diags.all().stream().filter(Diagnostic::isError).toList();
            boolean allUnsupported = errors.stream().allMatch(d -> d.code() == Code.UNSUPPORTED);
            return new Outcome(allUnsupported ? "unsupported" : "midend-error", errors.getFirst().headline());
        }
        if (checksBackEqual(r.program(), front)) {
            return new Outcome("equal", "");
        }
        return baseStable ? new Outcome("does-not-check-back", "") : new Outcome("printer-limited", "");
    }

    private static boolean checksBackEqual(Program p, Program front) {
        String text = DumpPrinter.print(p, front);
        FrontendResult back = Frontend.compile(new SourceFile("dump.p4", text), FrontendOptions.defaults());
        return back.ok() && back.program().isPresent() && back.program().get().equals(p);
    }

    /** The eBPF and XDP samples' final dumps, against golden files kept outside the project (p4c's code is not ours). */
    @Test
    void ebpfAndXdpSamplesMatchTheirLocalGoldens() throws IOException {
        Path dir = Path.of(System.getProperty("p4c.goldens",
                System.getProperty("user.home") + "/.cache/p4ebpf/p4c-midend-goldens"));
        assumeTrue(Goldens.updating() || Files.isDirectory(dir), "no local goldens for p4c's samples in " + dir
                + " (record them with -Dgolden.update=true, or name another directory with -Dp4c.goldens=DIR)");
        var mismatches = new ArrayList<String>();
        for (Path f : samples()) {
            String name = f.getFileName().toString();
            if (!name.contains("ebpf") && !name.contains("xdp")) {
                continue;
            }
            FrontendResult fr = Frontend.compile(f, f.toString(), FrontendOptions.defaults());
            if (!fr.ok() || fr.program().isEmpty()) {
                continue;
            }
            var diags = new Diagnostics();
            Pipeline.Result r = Midend.run(Midend.pipeline(), fr.program().get(), diags, (p, i, prog) -> {});
            String dump = r.ok() ? DumpPrinter.print(r.program(), fr.program().get())
                    : String.join("\n", diags.all().stream().map(Diagnostic::headline).toList()) + "\n";
            try {
                Goldens.check(dir.resolve(name), dump);
            } catch (AssertionError e) {
                mismatches.add(name);
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
