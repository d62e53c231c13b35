package dev.p4ebpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code p4ebpf check}: exit statuses, gcc-style and JSON diagnostics, printing, usage errors. */
class CheckCommandTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = new Main(Commands.all(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String VALID = """
            #include <core.p4>
            control c(inout bit<8> x) { apply { x = x + 1; } }
            control ct(inout bit<8> x);
            package top(ct c);
            top(c()) main;
            """;

    @Test
    void validProgramExitsZeroSilently() throws IOException {
        Run r = run("check", file("ok.p4", VALID).toString());
        assertEquals(Command.OK, r.status());
        assertEquals("", r.err());
    }

    @Test
    void errorsExitOneWithSourceLineAndCaret() throws IOException {
        Path p = file("bad.p4", "control c(inout bit<8> x) {\n    apply {\n        x = true;\n    }\n}\n");
        Run r = run("check", p.toString());
        assertEquals(Command.FAILED, r.status());
        String[] lines = r.err().split("\n");
        assertEquals(p + ":3:13: error: the assigned value: expected 'bit<8>', found 'bool'", lines[0]);
        assertEquals("        x = true;", lines[1]);
        assertEquals("            ^~~~", lines[2]);
    }

    @Test
    void jsonHasOneRecordPerFile() throws IOException {
        Path ok = file("ok.p4", VALID);
        Path bad = file("bad.p4", "control c() { apply { y = 1; } }\n");
        Run r = run("check", "--format", "json", ok.toString(), bad.toString());
        assertEquals(Command.FAILED, r.status());
        String[] records = r.out().strip().split("\n");
        assertEquals(2, records.length);
        JsonNode first = new ObjectMapper().readTree(records[0]);
        JsonNode second = new ObjectMapper().readTree(records[1]);
        assertTrue(first.get("ok").asBoolean());
        assertFalse(second.get("ok").asBoolean());
        JsonNode d = second.get("diagnostics").get(0);
        assertEquals("name.undeclared", d.get("code").asText());
        assertEquals(1, d.get("line").asInt());
        assertEquals(23, d.get("column").asInt());
    }

    @Test
    void printShowsTheProgramWithIncludes() throws IOException {
        Run r = run("check", "--print", file("ok.p4", VALID).toString());
        assertEquals(Command.OK, r.status());
        assertTrue(r.out().startsWith("#include <core.p4>\n"), r.out());
        assertTrue(r.out().contains("x = x + 8w1;"), r.out());
    }

    @Test
    void defineAndIncludeOptions() throws IOException {
        Path inc = Files.createDirectories(dir.resolve("inc"));
        Files.writeString(inc.resolve("width.p4"), "typedef bit<WIDTH> word_t;\n");
        Path p = file("defs.p4", "#include \"width.p4\"\nconst word_t w = 1;\n");
        assertEquals(Command.OK, run("check", "-I", inc.toString(), "-D", "WIDTH=16", p.toString()).status());
        assertEquals(Command.FAILED, run("check", p.toString()).status());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        assertEquals(Command.USAGE, run("check").status());
        assertEquals(Command.USAGE, run("check", "--format", "xml", "x.p4").status());
        assertEquals(Command.USAGE, run("check", "--no-such-option", "x.p4").status());
        assertEquals(Command.USAGE, run("check", "-I", dir.resolve("absent").toString(), "x.p4").status());
        assertEquals(Command.USAGE, run("no-such-command").status());
    }

    @Test
    void missingFileIsAnErrorNotACrash() {
        Run r = run("check", dir.resolve("absent.p4").toString());
        assertEquals(Command.FAILED, r.status());
        assertTrue(r.err().contains("cannot read"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void helpListsEveryCommand() {
        Run r = run("--help");
        assertEquals(Command.OK, r.status());
        for (Command c : Commands.all()) {
            assertTrue(r.out().contains("  " + c.name()), c.name() + " missing from --help");
        }
    }
}
