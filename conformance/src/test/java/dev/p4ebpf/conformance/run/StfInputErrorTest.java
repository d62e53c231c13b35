package dev.p4ebpf.conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.conformance.stf.StfException;
import dev.p4ebpf.conformance.stf.StfParser;
import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * An STF file that does not fit its program: each mistake is a {@link StfInputException}
 * positioned at the offending word (FILE:LINE:COL), thrown before the command takes effect. Runs
 * on two of the project's STF programs: match-kinds-v1model.p4 (tables of every match kind) and
 * switch-ops-v1model.p4 (a register of four 32-bit cells, a counter of four cells).
 */
class StfInputErrorTest {
    private static final String TABLES = "match-kinds-v1model.p4";
    private static final String EXTERNS = "switch-ops-v1model.p4";

    private static Path program(String name) throws URISyntaxException {
        return Path.of(StfInputErrorTest.class.getResource("/stf/" + name).toURI());
    }

    /** Runs {@code stf} (named t.stf) on the program. */
    private static StfReport run(String programName, String stf) throws Exception {
        Path p4 = program(programName);
        var compiled = Frontend.compile(p4, p4.toString(), FrontendOptions.defaults()).program().orElseThrow();
        Target target = new InterpreterTarget();
        try (TargetSession s = target.open(new TestProgram(p4, compiled))) {
            return StfRunner.run(StfParser.parse("t.stf", stf), s, target.name());
        }
    }

    private static void rejected(String programName, String stf, String headline) {
        StfInputException e = assertThrows(StfInputException.class, () -> run(programName, stf));
        assertEquals(headline, e.headline());
    }

    @Test
    void unknownNames() {
        rejected(TABLES, "add nosuch h.k.e:5 se(v:1)\n",
                "t.stf:1:5: error: no table nosuch; there are I.te, I.tl, I.tt, I.tr, I.to, I.tc, I.tp");
        rejected(TABLES, "add te h.k.x:5 se(v:1)\n",
                "t.stf:1:8: error: table I.te has no key h.k.x; its keys are h.k.e");
        rejected(TABLES, "add te h.k.e:5 sx(v:1)\n",
                "t.stf:1:16: error: table I.te has no action sx; its actions are I.se");
        rejected(TABLES, "add te h.k.e:5 se(w:1)\n",
                "t.stf:1:19: error: action I.se has no parameter w; its parameters are v");
        rejected(TABLES, "setdefault te sx()\n",
                "t.stf:1:15: error: table I.te has no action sx; its actions are I.se");
        rejected(EXTERNS, "register_read ctr 0\n",
                "t.stf:1:15: error: no register ctr in the program; there are I.regs");
        rejected(EXTERNS, "check_counter regs(0) packets == 1\n",
                "t.stf:1:15: error: no counter regs in the program; there are I.ctr, I.dc");
    }

    @Test
    void valuesThatDoNotFit() {
        rejected(TABLES, "add te h.k.e:0x100 se(v:1)\n",
                "t.stf:1:14: error: value 0x100 does not fit the 8-bit key h.k.e");
        rejected(TABLES, "add te h.k.e:5 se(v:0x1FF)\n",
                "t.stf:1:21: error: value 0x1FF does not fit the 8-bit parameter v of I.se");
        rejected(TABLES, "add tl h.k.l:0x0A00/17 sl(v:1)\n",
                "t.stf:1:21: error: prefix length 17 is longer than the 16-bit key h.k.l");
        rejected(TABLES, "add tt 1 h.k.t:0x0F&&&0x1FF st(v:1)\n",
                "t.stf:1:23: error: value 0x1FF does not fit the 8-bit key h.k.t");
        rejected(TABLES, "add tr 1 h.k.r:0x10..0x100 sr(v:1)\n",
                "t.stf:1:22: error: value 0x100 does not fit the 8-bit key h.k.r");
        rejected(EXTERNS, "register_write regs 0 0x100000000\n",
                "t.stf:1:23: error: value 0x100000000 does not fit the 32-bit cells of register I.regs");
    }

    @Test
    void malformedEntries() {
        rejected(TABLES, "add tr 1 h.k.r:0x20..0x10 sr(v:1)\n",
                "t.stf:1:16: error: the range 0x20..0x10 of key h.k.r is empty: its low end is above its high end");
        rejected(TABLES, "add te h.k.e:5 h.k.e:6 se(v:1)\n", "t.stf:1:16: error: key h.k.e is given twice");
        rejected(TABLES, "add te h.k.e:5 se()\n", "t.stf:1:16: error: action I.se needs argument v");
        rejected(TABLES, "add te h.k.e:5 se(v:1) = A\nadd te h.k.e:6 se(v:2) = A\n",
                "t.stf:2:26: error: entry id A is already taken by the entry added at line 1; "
                        + "give each entry its own id");
        rejected(TABLES, "add tc h.k.t:5 sc(v:1)\n",
                "t.stf:1:5: error: table I.tc has const entries: its entries cannot be changed");
    }

    @Test
    void indicesOutOfRange() {
        rejected(EXTERNS, "register_write regs 4 1\n",
                "t.stf:1:21: error: index 4 is out of range: register I.regs has 4 cell(s), indices 0 to 3");
        rejected(EXTERNS, "register_read regs 9\n",
                "t.stf:1:20: error: index 9 is out of range: register I.regs has 4 cell(s), indices 0 to 3");
        rejected(EXTERNS, "counter_read ctr 4\n",
                "t.stf:1:18: error: index 4 is out of range: counter I.ctr has 4 cell(s), indices 0 to 3");
    }

    @Test
    void theLastCellAndTheWidestValueAreAccepted() throws Exception {
        StfReport ok = run(EXTERNS, "register_write regs 3 0xFFFFFFFF\nregister_read regs 3\n");
        assertTrue(ok.passed(), String.join("\n", ok.failures()));
        assertEquals(java.util.List.of("regs[3] = 32w4294967295 (line 2)"), ok.lines());
    }

    @Test
    void aCounterCheckOutOfRangeIsAFailure() throws Exception {
        StfReport r = run(EXTERNS, "check_counter ctr(4) packets == 0\n");
        assertEquals(java.util.List.of("line 1: index 4 is out of range: counter I.ctr has 4 cell(s)"), r.failures());
    }

    @Test
    void syntaxErrorsAreTheParsersAndPositioned() {
        StfException e = assertThrows(StfException.class, () -> StfParser.parse("t.stf", "add te h.k.e:5 se(v:1\n"));
        assertEquals("t.stf:1:22: error: expected ',' or ')' after an action argument, found the end of the line",
                e.errors().getFirst().headline());
    }
}
