package dev.p4ebpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code p4ebpf stf}: a passing test exits 0, a failing one 1 with the expected and actual
 * bytes; bad STF input (syntax errors, unknown tables, keys of the wrong width, packets that are
 * not hex, a missing file) exits 1 with one error positioned FILE:LINE:COL, never a stack trace.
 */
class StfCommandTest {
    @TempDir
    Path dir;
    private Path program;

    private record Run(int status, String out, String err) {}

    /** A v1model program with one exact table on an 8-bit field; it sends the packet to port 1. */
    private static final String PROGRAM = """
            #include <core.p4>
            #include <v1model.p4>
            header h_t { bit<8> k; bit<8> v; }
            struct headers { h_t h; }
            struct meta { }
            parser P(packet_in b, out headers h, inout meta m, inout standard_metadata_t sm) {
                state start { b.extract(h.h); transition accept; }
            }
            control VC(inout headers h, inout meta m) { apply { } }
            control I(inout headers h, inout meta m, inout standard_metadata_t sm) {
                action set(bit<8> v) { h.h.v = v; }
                table t { key = { h.h.k: exact; } actions = { set; NoAction; } default_action = NoAction(); }
                apply { t.apply(); sm.egress_spec = 1; }
            }
            control E(inout headers h, inout meta m, inout standard_metadata_t sm) { apply { } }
            control CC(inout headers h, inout meta m) { apply { } }
            control D(packet_out b, in headers h) { apply { b.emit(h.h); } }
            V1Switch(P(), VC(), I(), E(), CC(), D()) main;
            """;

    @BeforeEach
    void writeProgram() throws IOException {
        program = Files.writeString(dir.resolve("prog.p4"), PROGRAM);
    }

    private Run stf(String text) throws IOException {
        return run("stf", program.toString(), Files.writeString(dir.resolve("test.stf"), text).toString());
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = new Main(Commands.all(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Exit 1, nothing on stdout, and exactly one error line on stderr, equal to {@code headline}. */
    private void rejected(String text, String headline) throws IOException {
        Run r = stf(text);
        assertEquals(Command.FAILED, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals(dir.resolve("test.stf") + headline + "\n", r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void passingTestExitsZero() throws IOException {
        Run r = stf("add t h.h.k:0x05 set(v:0x77)\npacket 0 0500 AA\nexpect 1 0577 AA $\npacket 0 0600\nexpect 1 0600 $\n");
        assertEquals(Command.OK, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("PASS on interp: 2 packet(s) sent, 2 expectation(s) met"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void mismatchExitsOneWithExpectedAndActualBytes() throws IOException {
        Run r = stf("add t h.h.k:0x05 set(v:0x77)\npacket 0 0500\nexpect 1 0578 $\n");
        assertEquals(Command.FAILED, r.status());
        assertTrue(r.out().contains("expected: 0578"), r.out());
        assertTrue(r.out().contains("actual:   0577"), r.out());
        assertTrue(r.out().contains("differing: h.h.v"), r.out());
    }

    @Test
    void unexpectedPacketFails() throws IOException {
        Run r = stf("packet 0 0500\n");
        assertEquals(Command.FAILED, r.status());
        assertTrue(r.out().contains("FAIL on interp"), r.out());
    }

    @Test
    void syntaxError() throws IOException {
        rejected("# a comment\nadd t h.h.k:0x05 set(v:0x77\n",
                ":2:28: error: expected ',' or ')' after an action argument, found the end of the line");
    }

    @Test
    void unknownCommand() throws IOException {
        Run r = stf("packet 0 0500\nsend 0 0500\n");
        assertEquals(Command.FAILED, r.status());
        assertTrue(r.err().startsWith(dir.resolve("test.stf") + ":2:1: error: "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownTable() throws IOException {
        rejected("add nosuch h.h.k:0x05 set(v:0x77)\n", ":1:5: error: no table nosuch; there are I.t");
    }

    @Test
    void unknownKeyActionAndParameter() throws IOException {
        rejected("add t h.h.x:0x05 set(v:0x77)\n", ":1:7: error: table I.t has no key h.h.x; its keys are h.h.k");
        rejected("add t h.h.k:0x05 get(v:0x77)\n", ":1:18: error: table I.t has no action get; its actions are I.set, NoAction");
        rejected("add t h.h.k:0x05 set(w:0x77)\n", ":1:22: error: action I.set has no parameter w; its parameters are v");
    }

    @Test
    void keyOfTheWrongWidth() throws IOException {
        rejected("add t h.h.k:0x105 set(v:0x77)\n", ":1:13: error: value 0x105 does not fit the 8-bit key h.h.k");
    }

    @Test
    void argumentOfTheWrongWidth() throws IOException {
        rejected("add t h.h.k:0x05 set(v:256)\n", ":1:24: error: value 256 does not fit the 8-bit parameter v of I.set");
    }

    @Test
    void packetThatIsNotHex() throws IOException {
        rejected("packet 0 05 0G\n", ":1:14: error: 'G' is not a hex digit");
    }

    @Test
    void expectationThatIsNotHex() throws IOException {
        rejected("packet 0 0500\nexpect 1 05x0\n",
                ":2:12: error: 'x' is not a hex digit (expected data is hex digits, '*' for any nibble and a final '$')");
    }

    @Test
    void missingStfFile() {
        Run r = run("stf", program.toString(), dir.resolve("none.stf").toString());
        assertEquals(Command.FAILED, r.status());
        assertEquals(dir.resolve("none.stf") + ": error: cannot read " + dir.resolve("none.stf") + ": no such file\n",
                r.err());
    }

    @Test
    void unknownTargetIsAUsageError() throws IOException {
        Files.writeString(dir.resolve("test.stf"), "packet 0 0500\n");
        Run r = run("stf", "--on", "nosuch", program.toString(), dir.resolve("test.stf").toString());
        assertEquals(Command.USAGE, r.status());
        assertTrue(r.err().contains("--on nosuch: no such target"), r.err());
    }
}
