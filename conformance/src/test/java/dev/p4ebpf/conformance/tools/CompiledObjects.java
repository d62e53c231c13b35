package dev.p4ebpf.conformance.tools;

import dev.p4ebpf.ebpf.compile.EbpfCompiler;
import dev.p4ebpf.ebpf.lower.EbpfLowering;
import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.midend.Midend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The P4 programs whose objects the tool tests load, compiled in process: the bundled examples,
 * the eBPF STF programs of this module, and p4c's eBPF/XDP samples when a p4c checkout is given
 * ({@code -Dp4c.dir}, default /work/p4c; absent on CI).
 */
final class CompiledObjects {
    /** One compiled program: where its source is, the hook it was compiled for, and its object file. */
    record Compiled(Path source, EbpfLowering.Hook hook, Path object) {
        String sectionName() {
            return hook == EbpfLowering.Hook.XDP ? "xdp" : "tc";
        }

        @Override
        public String toString() {
            return source.getFileName() + " (" + sectionName() + ")";
        }
    }

    private CompiledObjects() {}

    /** The sources: examples, STF programs of the eBPF targets, p4c samples if present. */
    static List<Path> sources() throws IOException {
        var out = new ArrayList<Path>();
        out.add(Path.of("../examples/xdp-router/router.p4"));
        out.add(Path.of("../examples/ebpf-filter/filter.p4"));
        Path stf = Path.of("src/test/resources/stf/ebpf");
        if (Files.isDirectory(stf)) {
            try (Stream<Path> s = Files.list(stf)) {
                s.filter(p -> p.toString().endsWith(".p4")).sorted().forEach(out::add);
            }
        }
        Path samples = Path.of(System.getProperty("p4c.dir", "/work/p4c"), "testdata/p4_16_samples");
        if (Files.isDirectory(samples)) {
            try (Stream<Path> s = Files.list(samples)) {
                s.filter(p -> {
                    String n = p.getFileName().toString();
                    return n.endsWith(".p4") && (n.contains("_ebpf") || n.contains("xdp"));
                }).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** The program after the midend; fails the test with the diagnostics when it does not compile. */
    static Program midend(Path source) {
        var options = new FrontendOptions(List.of(source.toAbsolutePath().getParent()), java.util.Map.of());
        var fr = Frontend.compile(source, source.toString(), options);
        if (!fr.ok()) {
            throw new AssertionError(source + " does not pass the frontend: " + fr.diagnostics());
        }
        var diags = new Diagnostics();
        var result = Midend.run(fr.program().get(), diags);
        if (diags.hasErrors()) {
            throw new AssertionError(source + " fails in the midend: " + diags.all());
        }
        return result.program();
    }

    /** Compiles {@code source} for {@code hook} into {@code dir}; fails the test on any error. */
    static Compiled compile(Path source, Program program, EbpfLowering.Hook hook, Path dir) throws IOException {
        var diags = new Diagnostics();
        String name = EbpfCompiler.programName(source);
        Optional<EbpfCompiler.Compiled> c = EbpfCompiler.compile(program, hook, name, s -> Optional.empty(), diags);
        if (c.isEmpty() || diags.hasErrors()) {
            throw new AssertionError(source + " does not compile for " + hook + ": " + diags.all());
        }
        Path object = dir.resolve(name + "-" + hook.name().toLowerCase(java.util.Locale.ROOT) + ".o");
        Files.write(object, c.get().elf());
        return new Compiled(source, hook, object);
    }
}
