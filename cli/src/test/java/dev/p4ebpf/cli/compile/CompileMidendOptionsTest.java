package dev.p4ebpf.cli.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.cli.Command;
import dev.p4ebpf.ir.midend.Midend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code p4ebpf compile} and the midend: --list-passes, --dump-after, and how midend and frontend
 * failures come out.
 */
class CompileMidendOptionsTest {
    private static final String PROGRAM = """
            #include <core.p4>
            #include <ebpf_model.p4>
            header h_t { bit<8> f; }
            struct hs_t { h_t h; }
            parser prs(packet_in p, out hs_t hs) {
                state start { p.extract(hs.h); transition accept; }
            }
            control pipe(inout hs_t hs, out bool pass) {
                action set(bit<8> v) { hs.h.f = v; }
                apply { set(1); pass = hs.h.f == 1; }
            }
            ebpfFilter(prs(), pipe()) main;
            """;

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private Run run(String... args) throws ParseException, Command.UsageException {
        var command = new CompileCommand();
        var line = DefaultParser.builder().get().parse(command.options(), args);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status;
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
             var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = command.run(line, o, e);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void listPassesPrintsThePipelineInOrder() throws Exception {
        Run r = run("--list-passes");
        assertEquals(0, r.status());
        assertEquals(Midend.pipeline().listing(), r.out());
        assertTrue(r.out().startsWith(" 1  name-table-keys "), r.out());
    }

    @Test
    void dumpAfterPrintsTheProgramAfterThatPass() throws Exception {
        Run r = run("--dump-after", "inline-actions", write("p.p4", PROGRAM));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("#include <core.p4>\n#include <ebpf_model.p4>\n"), r.out());
        assertTrue(r.out().contains("""
                    apply {
                         {
                            hs.h.f = 8w1;
                        }
                """), r.out());
    }

    @Test
    void dumpAfterFrontendPrintsTheFrontendsOutput() throws Exception {
        Run r = run("--dump-after", "frontend", write("p.p4", PROGRAM));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("        set(8w1);\n"), r.out());
    }

    @Test
    void anUnknownPassIsAUsageError() {
        var e = assertThrows(Command.UsageException.class, () -> run("--dump-after", "no-such-pass", "x.p4"));
        assertEquals("--dump-after no-such-pass: no such pass (p4ebpf compile --list-passes shows them)", e.getMessage());
    }

    @Test
    void whatTheMidendCannotLowerIsReportedWithItsPlace() throws Exception {
        String file = write("loop.p4", """
                #include <core.p4>
                #include <ebpf_model.p4>
                header h_t { bit<8> f; }
                struct hs_t { h_t h; }
                parser prs(packet_in p, out hs_t hs) {
                    state start { p.extract(hs.h); transition select(hs.h.f) { 0: accept; default: start; } }
                }
                control pipe(inout hs_t hs, out bool pass) { apply { pass = true; } }
                ebpfFilter(prs(), pipe()) main;
                """);
        Run r = run(file);
        assertEquals(Command.FAILED, r.status());
        assertTrue(r.err().startsWith(file + ":6:5: error: the loop through state start of parser prs is not "
                + "supported"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void frontendErrorsStopBeforeTheMidend() throws Exception {
        Run r = run(write("bad.p4", "control c() { apply { x = 1; } }\n"));
        assertEquals(Command.FAILED, r.status());
        assertTrue(r.err().contains("error: x is not declared"), r.err());
    }

    @Test
    void aGoodProgramCompilesSilently() throws Exception {
        Run r = run(write("p.p4", PROGRAM));
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }
}
