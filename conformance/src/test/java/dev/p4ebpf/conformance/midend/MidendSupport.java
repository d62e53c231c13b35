package dev.p4ebpf.conformance.midend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.frontend.FrontendResult;
import dev.p4ebpf.frontend.source.SourceFile;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.Diagnostic;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.midend.Midend;
import dev.p4ebpf.ir.pass.DumpPrinter;
import dev.p4ebpf.ir.pass.Pipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Compiling P4 text for midend tests, running passes, and checking that dumps check back. */
final class MidendSupport {
    private MidendSupport() {}

    static final Path RESOURCES = Path.of("src/test/resources/midend");

    /** The frontend's program for {@code source}; fails the test on any error. */
    static Program frontend(String source) {
        return frontendOk(Frontend.compile(new SourceFile("test.p4", source), FrontendOptions.defaults()));
    }

    static Program frontend(Path file) {
        return frontendOk(Frontend.compile(file, file.toString(), FrontendOptions.defaults()));
    }

    private static Program frontendOk(FrontendResult r) {
        if (!r.ok() || r.program().isEmpty()) {
            fail("the frontend rejected the test program:\n" + errors(r.diagnostics()));
        }
        return r.program().get();
    }

    static String errors(List<Diagnostic> ds) {
        return ds.stream().filter(Diagnostic::isError).map(Diagnostic::headline).collect(Collectors.joining("\n"));
    }

    /** The program after the midend's passes up to and including {@code lastPass}, with no errors. */
    static Program upTo(Program program, String lastPass) {
        var diags = new Diagnostics();
        Pipeline.Result r = Midend.run(Midend.pipeline().upTo(lastPass), program, diags, (p, i, prog) -> {});
        assertTrue(r.ok(), () -> "the midend reported errors:\n" + errors(diags.all()));
        return r.program();
    }

    /** The program after the whole midend, with no errors. */
    static Program midend(Program program) {
        return upTo(program, Midend.pipeline().names().getLast());
    }

    /** Source text through the passes up to {@code lastPass}, printed. */
    static String dumpAfter(String source, String lastPass) {
        Program front = frontend(source);
        Program after = upTo(front, lastPass);
        assertChecksBack(after, front, lastPass);
        return DumpPrinter.print(after, front);
    }

    /** Asserts that {@code after}, printed, checks back to an equal program. */
    static void assertChecksBack(Program after, Program frontendOutput, String what) {
        String printed = DumpPrinter.print(after, frontendOutput);
        FrontendResult r = Frontend.compile(new SourceFile("dump.p4", printed), FrontendOptions.defaults());
        if (!r.ok() || r.program().isEmpty()) {
            fail("the dump after " + what + " does not check:\n" + errors(r.diagnostics()) + "\n---\n" + numbered(printed));
        }
        Program back = r.program().get();
        if (!back.equals(after)) {
            String reprinted = DumpPrinter.print(back, frontendOutput);
            assertEquals(printed, reprinted, "the dump after " + what + " checks back to a different program");
            fail("the dump after " + what + " checks back to a program that prints the same but differs:\n"
                    + firstDifference(after, back) + "\n---\n" + printed);
        }
    }

    static String firstDifference(Program a, Program b) {
        for (int i = 0; i < Math.min(a.decls().size(), b.decls().size()); i++) {
            if (!a.decls().get(i).equals(b.decls().get(i))) {
                return "declaration " + a.decls().get(i).name() + ":\n  " + a.decls().get(i) + "\n  " + b.decls().get(i);
            }
        }
        return a.decls().size() + " declarations vs " + b.decls().size();
    }

    static String numbered(String text) {
        var lines = text.split("\n", -1);
        var out = new ArrayList<String>();
        for (int i = 0; i < lines.length; i++) {
            out.add(String.format("%4d  %s", i + 1, lines[i]));
        }
        return String.join("\n", out);
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The part of a dump from the first line containing {@code from} to the end. */
    static String from(String dump, String from) {
        int i = dump.indexOf(from);
        assertTrue(i >= 0, () -> "no '" + from + "' in\n" + dump);
        int start = dump.lastIndexOf('\n', i) + 1;
        return dump.substring(start);
    }
}
