package dev.p4ebpf.conformance.stf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of STF syntax problem gives a positioned error naming what is wrong, never a crash. */
class StfParserErrorTest {

    private static StfException fail(String text) {
        return assertThrows(StfException.class, () -> StfParser.parse("t.stf", text), text);
    }

    /** The only error of a one-line file: its kind and headline. */
    private static void error(String line, StfErrorKind kind, String headline) {
        List<StfError> errors = fail(line).errors();
        assertEquals(List.of(headline), errors.stream().map(StfError::headline).toList(), line);
        assertEquals(kind, errors.getFirst().kind(), line);
    }

    @Test
    void unknownCommands() {
        error("foo 1 2", StfErrorKind.UNKNOWN_COMMAND, "t.stf:1:1: error: unknown command 'foo'; STF commands are "
                + StfKeyword.allWords());
        error("  * 12", StfErrorKind.UNKNOWN_COMMAND, "t.stf:1:3: error: expected a command, found '*'");
        error("packets 0 00", StfErrorKind.UNKNOWN_COMMAND, "t.stf:1:1: error: unknown command 'packets'; "
                + "STF commands are " + StfKeyword.allWords());
    }

    @Test
    void packetData() {
        error("packet 0 01zz", StfErrorKind.BAD_PACKET_DATA, "t.stf:1:12: error: 'z' is not a hex digit");
        error("packet 0 0x0102", StfErrorKind.BAD_PACKET_DATA,
                "t.stf:1:10: error: packet data is plain hex digits; remove the '0x'");
        error("packet 0 01 **", StfErrorKind.BAD_PACKET_DATA, "t.stf:1:13: error: '*' is only allowed in expect lines");
        error("packet 0 01 $", StfErrorKind.BAD_PACKET_DATA, "t.stf:1:13: error: '$' is only allowed in expect lines");
        error("packet 0", StfErrorKind.BAD_PACKET_DATA,
                "t.stf:1:9: error: a packet needs its bytes in hex: packet PORT HEX...");
        error("packet 0  # only a comment", StfErrorKind.BAD_PACKET_DATA,
                "t.stf:1:11: error: a packet needs its bytes in hex: packet PORT HEX...");
        error("expect 0 00 11 g", StfErrorKind.BAD_PACKET_DATA, "t.stf:1:16: error: 'g' is not a hex digit "
                + "(expected data is hex digits, '*' for any nibble and a final '$')");
        error("expect 0 00 $ 11", StfErrorKind.BAD_PACKET_DATA,
                "t.stf:1:15: error: '$' ends the expected packet, nothing may follow it");
        error("packet 0 00\u00e9", StfErrorKind.BAD_PACKET_DATA, "t.stf:1:12: error: U+00E9 is not a hex digit");
    }

    @Test
    void oddPacketLengths() {
        error("packet 0 01 2", StfErrorKind.ODD_PACKET_LENGTH, "t.stf:1:10: error: the data has 3 hex digits, an odd "
                + "number; a packet is whole bytes, so add or remove one digit");
        error("expect 0 012 $", StfErrorKind.ODD_PACKET_LENGTH, "t.stf:1:10: error: the data has 3 hex digits, an odd "
                + "number; a packet ending in '$' is whole bytes, so add or remove one digit");
    }

    @Test
    void ports() {
        error("packet", StfErrorKind.BAD_PORT, "t.stf:1:7: error: packet needs a port: packet PORT HEX...");
        error("expect  ", StfErrorKind.BAD_PORT, "t.stf:1:9: error: expect needs a port: expect PORT [PATTERN]");
        error("packet x1 00", StfErrorKind.BAD_PORT, "t.stf:1:8: error: the port is a decimal number, found 'x1'");
        error("packet 0ab", StfErrorKind.BAD_PORT, "t.stf:1:8: error: the port is a decimal number, found '0ab'");
        error("expect 4294967296 00", StfErrorKind.BAD_PORT,
                "t.stf:1:8: error: port 4294967296 is too large (the largest is 4294967295)");
        error("expect 99999999999999999999 00", StfErrorKind.BAD_PORT,
                "t.stf:1:8: error: port 99999999999999999999 is too large (the largest is 4294967295)");
    }

    @Test
    void badNumbers() {
        error("add t k:0x12g a()", StfErrorKind.BAD_NUMBER,
                "t.stf:1:9: error: '0x12g' is not a number: 'g' is not a digit of a hex number");
        error("add t k:12ab a()", StfErrorKind.BAD_NUMBER,
                "t.stf:1:9: error: '12ab' is not a number: hex numbers start with 0x, binary ones with 0b");
        error("add t k:0x a()", StfErrorKind.BAD_NUMBER, "t.stf:1:9: error: '0x' has no digits after its prefix");
        error("add t k:0b102 a()", StfErrorKind.BAD_NUMBER,
                "t.stf:1:9: error: '0b102' is not a number: '2' is not a digit of a binary number");
        error("add t k:12** a()", StfErrorKind.BAD_NUMBER,
                "t.stf:1:9: error: '12**' is not a number: '*' wildcards need a hex (0x) or binary (0b) number");
        error("add t 0x10 k:1 a()", StfErrorKind.BAD_NUMBER,
                "t.stf:1:7: error: the priority is a decimal number, found '0x10'");
        error("add t 99999999999999999999 k:1 a()", StfErrorKind.BAD_NUMBER,
                "t.stf:1:7: error: the priority 99999999999999999999 is too large (the largest is 9223372036854775807)");
        error("register_read r[0x1].x 1", StfErrorKind.BAD_NUMBER,
                "t.stf:1:17: error: an index is a decimal number, found '0x1'");
        error("meter_set_rates m 1 0x1:2", StfErrorKind.BAD_NUMBER,
                "t.stf:1:21: error: a meter rate is a decimal number such as 0.0005, found '0x1'");
    }

    @Test
    void misplacedWildcards() {
        error("add t k:0x1*/8 a()", StfErrorKind.MISPLACED_WILDCARD,
                "t.stf:1:9: error: a value with a /prefix length cannot have '*' wildcards: '0x1*'");
        error("add t k:1/0x* a()", StfErrorKind.MISPLACED_WILDCARD,
                "t.stf:1:11: error: a prefix length cannot have '*' wildcards: '0x*'");
        error("add t k:0x1&&&0x* a()", StfErrorKind.MISPLACED_WILDCARD,
                "t.stf:1:15: error: a mask cannot have '*' wildcards: '0x*'");
        error("add t k:1..0x2* a()", StfErrorKind.MISPLACED_WILDCARD,
                "t.stf:1:12: error: a range bound cannot have '*' wildcards: '0x2*'");
        error("add t k:1 a(x:0x*)", StfErrorKind.MISPLACED_WILDCARD,
                "t.stf:1:15: error: an action argument cannot have '*' wildcards: '0x*'");
        error("mirroring_add 0b1* 2", StfErrorKind.MISPLACED_WILDCARD,
                "t.stf:1:15: error: a session cannot have '*' wildcards: '0b1*'");
    }

    @Test
    void syntax() {
        error("add t k:1", StfErrorKind.SYNTAX,
                "t.stf:1:10: error: expected a key FIELD:VALUE or the action, found the end of the line");
        error("add t k 1 a()", StfErrorKind.SYNTAX,
                "t.stf:1:9: error: expected ':' after the key field 'k', or '(' after the action name 'k', found '1'");
        error("add t a()", StfErrorKind.SYNTAX, "t.stf:1:7: error: an entry needs at least one key: "
                + "add TABLE [PRIORITY] FIELD:VALUE... ACTION(ARGS)");
        error("add t k:1 a(x:1 y:2)", StfErrorKind.SYNTAX,
                "t.stf:1:17: error: expected ',' or ')' after an action argument, found 'y'");
        error("add t k:1 a(x 1)", StfErrorKind.SYNTAX,
                "t.stf:1:15: error: expected ':' after the parameter name 'x', found '1'");
        error("add t k:1 a() extra", StfErrorKind.SYNTAX,
                "t.stf:1:15: error: expected the end of the add command, found 'extra'");
        error("add t k:1 a() = ", StfErrorKind.SYNTAX,
                "t.stf:1:17: error: expected an entry id after '=', found the end of the line");
        error("add t.(x) k:1 a()", StfErrorKind.SYNTAX, "t.stf:1:7: error: expected a name after '.', found '('");
        error("add", StfErrorKind.SYNTAX, "t.stf:1:4: error: expected a table name, found the end of the line");
        error("setdefault t", StfErrorKind.SYNTAX,
                "t.stf:1:13: error: expected an action name, found the end of the line");
        error("setdefault t a", StfErrorKind.SYNTAX,
                "t.stf:1:15: error: expected '(' after the action name, found the end of the line");
        error("remove t", StfErrorKind.SYNTAX,
                "t.stf:1:8: error: expected 'all' (STF removes entries only with 'remove all'), found 't'");
        error("check_counter c 1", StfErrorKind.SYNTAX,
                "t.stf:1:17: error: expected '(' after the counter name, found '1'");
        error("check_counter c()", StfErrorKind.SYNTAX,
                "t.stf:1:17: error: expected a counter index or $ENTRY_ID, found ')'");
        error("check_counter c(1) packets = 1", StfErrorKind.SYNTAX,
                "t.stf:1:28: error: expected a comparison (==, !=, <, <=, >, >=), found '='");
        error("check_counter c(1) frames == 1", StfErrorKind.SYNTAX,
                "t.stf:1:20: error: expected 'packets' or 'bytes', found 'frames'");
        error("wait 5", StfErrorKind.SYNTAX, "t.stf:1:6: error: expected the end of the wait command, found '5'");
        error("no_packet now", StfErrorKind.SYNTAX,
                "t.stf:1:11: error: expected the end of the no_packet command, found 'now'");
        error("mc_node_create 1", StfErrorKind.SYNTAX, "t.stf:1:17: error: expected a port, found the end of the line");
        error("meter_set_rates m 1 0.5", StfErrorKind.SYNTAX,
                "t.stf:1:24: error: expected ':' between rate and burst, found the end of the line");
        error("add t k[x]:1 a()", StfErrorKind.SYNTAX, "t.stf:1:9: error: expected an index, found 'x'");
        error("add \"\" k:1 a()", StfErrorKind.SYNTAX, "t.stf:1:5: error: a quoted name cannot be empty");
    }

    @Test
    void badCharactersAndUnterminatedNames() {
        error("add t k:1 a() ;", StfErrorKind.BAD_CHARACTER, "t.stf:1:15: error: unexpected character ';'");
        error("add t k:1&0x1 a()", StfErrorKind.BAD_CHARACTER,
                "t.stf:1:10: error: a mask is written VALUE&&&MASK, with three '&'");
        error("check_counter c(1) packets ! 1", StfErrorKind.BAD_CHARACTER,
                "t.stf:1:28: error: '!' is only the first half of '!='");
        error("add t\u0000 k:1 a()", StfErrorKind.BAD_CHARACTER, "t.stf:1:6: error: unexpected character U+0000");
        error("add \"t k:1 a()", StfErrorKind.UNTERMINATED_NAME, "t.stf:1:5: error: the quoted name has no closing '\"'");
    }

    @Test
    void everyBadLineIsReportedInOrder() {
        StfException e = fail("packet 0 zz\nwait\nadd t\n\nexpect x\n");
        assertEquals(List.of("t.stf:1:10: error: 'z' is not a hex digit",
                "t.stf:3:6: error: expected a key FIELD:VALUE, found the end of the line",
                "t.stf:5:8: error: the port is a decimal number, found 'x'"),
                e.errors().stream().map(StfError::headline).toList());
        assertEquals(String.join("\n", e.errors().stream().map(StfError::headline).toList()), e.getMessage());
    }

    @Test
    void errorsStopAtTheLimit() {
        StfException e = fail("bad\n".repeat(StfParser.MAX_ERRORS + 50));
        assertEquals(StfParser.MAX_ERRORS, e.errors().size());
    }

    @Test
    void unreadableAndNonTextFiles(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.stf");
        StfException e = assertThrows(StfException.class, () -> StfParser.parse(missing));
        assertEquals(StfErrorKind.UNREADABLE, e.errors().getFirst().kind());
        assertEquals(missing + ": error: cannot read " + missing + ": no such file", e.getMessage());

        Path binary = dir.resolve("binary.stf");
        Files.write(binary, new byte[] {'p', 'a', (byte) 0xff, (byte) 0xfe, 0, 1});
        e = assertThrows(StfException.class, () -> StfParser.parse(binary));
        assertEquals(List.of(binary + ": error: " + binary + " is not an STF file: it is not UTF-8 text"),
                e.errors().stream().map(StfError::headline).toList());

        e = assertThrows(StfException.class, () -> StfParser.parse(dir));
        assertTrue(e.getMessage().startsWith(dir + ": error: cannot read " + dir + ": "), e.getMessage());
    }

    @Test
    void randomTextNeverCrashesTheParser() {
        long seed = 0x5EED_57F0L;
        System.out.println("randomTextNeverCrashesTheParser seed " + seed);
        Random random = new Random(seed);
        String alphabet = "addpacketexpectsetdefaultcheck_counter 0123456789abcdefx*$:,()[]./=<>!&#\"\t\n_ ";
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                StfFile f = StfParser.parse("r.stf", text.toString());
                assertEquals(f, StfParser.parse("r.stf", StfPrinter.print(f)), "round " + round);
            } catch (StfException e) {
                assertTrue(e.errors().stream().allMatch(err -> err.headline().startsWith("r.stf:")), e::getMessage);
            }
        }
    }

    @Test
    void mutatedValidLinesNeverCrashTheParser() {
        List<String> valid = List.of(
                "add test1 503 data.f1:0x****0202 ingress.setb1(val:7, port:0x3) = A",
                "add t k1:0x0a000000/8 k2:0x0800&&&0xff00 k3:10..0x20 \"q.x\":0b1*0 act()",
                "expect 2 00000101 ******** ****7f66 $", "packet 0 0a0b0c0d # c",
                "check_counter cnt($A) packets >= 2", "setdefault pipe_t pipe_Reject(rej:0, bar:1)",
                "meter_set_rates cIngress.meter0 2 0.000005:4 0.00002:5", "mc_node_create 257 6 8", "remove all");
        String inserts = "0x*$:,()[]./=<>!&#\" \tAz9";
        long seed = 0x0BAD_5EEDL;
        System.out.println("mutatedValidLinesNeverCrashTheParser seed " + seed);
        Random random = new Random(seed);
        int accepted = 0;
        for (int round = 0; round < 5000; round++) {
            StringBuilder line = new StringBuilder(valid.get(random.nextInt(valid.size())));
            for (int edits = 1 + random.nextInt(3); edits > 0 && !line.isEmpty(); edits--) {
                int at = random.nextInt(line.length());
                switch (random.nextInt(3)) {
                    case 0 -> line.deleteCharAt(at);
                    case 1 -> line.insert(at, inserts.charAt(random.nextInt(inserts.length())));
                    default -> line.setCharAt(at, inserts.charAt(random.nextInt(inserts.length())));
                }
            }
            try {
                StfFile f = StfParser.parse("m.stf", line.toString());
                assertEquals(f, StfParser.parse("m.stf", StfPrinter.print(f)), line::toString);
                accepted++;
            } catch (StfException e) {
                assertTrue(e.errors().stream().allMatch(err -> err.headline().startsWith("m.stf:1:")), e::getMessage);
            }
        }
        assertTrue(accepted > 100, "the mutations should leave some lines valid, " + accepted + " were");
    }
}
