package dev.p4ebpf.ebpf.insn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Malformed instruction bytes are rejected with the offset and the reason, never a crash. */
class InvalidInsnTest {
    private static final String EXIT = "9500000000000000";

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("unknown ALU op 0xe0", "e701000000000000" + EXIT, 0, "unknown ALU64 operation 0xe0"),
                bad("unknown JMP op 0xf0", "f500000000000000" + EXIT, 0, "unknown JMP operation 0xf0"),
                bad("may_goto", "e500000000000000" + EXIT, 0, "JCOND"),
                bad("ALU imm with src_reg set", "0731000005000000" + EXIT, 0, "src_reg=3"),
                bad("ALU reg with imm set", "0f21000005000000" + EXIT, 0, "imm=5"),
                bad("ADD with off set", "0701010005000000" + EXIT, 0, "off=1 is reserved"),
                bad("MOVSX with immediate source", "b701080005000000" + EXIT, 0, "off=8 is reserved"),
                bad("32-bit MOVSX32", "bc21200000000000" + EXIT, 0, "off=32 is reserved"),
                bad("NEG with imm", "8701000001000000" + EXIT, 0, "imm=1"),
                bad("NEG with register source", "8f21000000000000" + EXIT, 0, "NEG with a register source"),
                bad("END width 8", "dc01000008000000" + EXIT, 0, "must be 16, 32 or 64"),
                bad("ALU64 END to BE", "df01000010000000" + EXIT, 0, "TO_BE bit is reserved"),
                bad("register r11", "bfb1000000000000" + EXIT, 0, "r11 does not exist"),
                bad("EXIT with imm", "9500000001000000", 0, "imm=1"),
                bad("JMP32 EXIT", "9600000000000000" + EXIT, 0, "EXIT in the JMP32 class"),
                bad("JMP32 CALL", "8600000001000000" + EXIT, 0, "CALL in the JMP32 class"),
                bad("CALL src_reg 3", "8530000001000000" + EXIT, 0, "src_reg=3 is reserved"),
                bad("helper CALL with off", "8500010001000000" + EXIT, 0, "off=1"),
                bad("JA with imm", "0500000001000000" + EXIT, 0, "imm=1"),
                bad("gotol with off", "0600010000000000" + EXIT, 0, "off=1"),
                bad("truncated LD_IMM64", "1801000001000000", 0, "truncated LD_IMM64"),
                bad("LD_IMM64 second half with opcode", "1801000001000000" + "0700000000000000" + EXIT, 0, "second half"),
                bad("LD_IMM64 src_reg 7", "1871000001000000" + "0000000000000000" + EXIT, 0, "src_reg=7"),
                bad("LD IMM of size W", "0001000000000000" + EXIT, 0, "LD IMM of size W"),
                bad("LD_ABS of DW", "3800000000000000" + EXIT, 0, "size DW"),
                bad("LD_ABS with dst_reg", "3001000004000000" + EXIT, 0, "dst_reg=1"),
                bad("LD mode MEM", "6101000000000000".replace("61", "60") + EXIT, 0, "LD mode 0x60"),
                bad("LDX with imm", "6121000001000000" + EXIT, 0, "imm=1"),
                bad("LDX MEMSX DW", "9921000000000000" + EXIT, 0, "sign-extending load of size DW"),
                bad("LDX mode ABS", "2121000000000000" + EXIT, 0, "LDX mode 0x20"),
                bad("ST with src_reg", "6221000001000000" + EXIT, 0, "src_reg=2"),
                bad("STX with imm", "6321000001000000" + EXIT, 0, "imm=1"),
                bad("byte-sized atomic", "d321000000000000" + EXIT, 0, "atomic operation of size B"),
                bad("unknown atomic op", "db21000002000000" + EXIT, 0, "unknown atomic operation imm=0x2"),
                bad("jump past the end", "1501050000000000" + EXIT, 0, "outside the 2 slots"),
                bad("jump before the start", "05000efe00000000".replace("0efe", "00fe") + EXIT, 0, "outside"),
                bad("jump into LD_IMM64", "0500010000000000" + "1801000000000000" + "0000000000000000" + EXIT, 0,
                        "second half of an LD_IMM64"),
                bad("trailing bytes", EXIT + "9500", 8, "truncated: 2 bytes"),
                bad("second insn bad", EXIT + "ff00000000000000", 8, "unknown"));
    }

    private static Arguments bad(String name, String hex, int offset, String reason) {
        return Arguments.of(name, HexFormat.of().parseHex(hex), offset, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rejectedWithOffsetAndReason(String name, byte[] bytes, int offset, String reason) {
        DecodeException e = assertThrows(DecodeException.class, () -> Decoder.decode(bytes));
        assertEquals(offset, e.byteOffset(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), "'" + e.getMessage() + "' should mention '" + reason + "'");
    }

    @Test
    void relocationsThatDoNotFitAreRejected() {
        byte[] call = HexFormat.of().parseHex("8500000001000000" + EXIT);
        DecodeException e = assertThrows(DecodeException.class,
                () -> Decoder.decode(call, List.of(new Reloc(0, Reloc.Kind.CALL, "f"))));
        assertTrue(e.getMessage().contains("takes none"), e.getMessage());
        byte[] ld = HexFormat.of().parseHex("1801000000000000" + "0000000000000000" + EXIT);
        e = assertThrows(DecodeException.class, () -> Decoder.decode(ld, List.of(new Reloc(1, Reloc.Kind.MAP, "m"))));
        assertTrue(e.getMessage().contains("middle of an LD_IMM64"), e.getMessage());
    }

    /** Random bytes either decode to something that re-encodes identically, or fail with DecodeException. */
    @Test
    void randomBytesNeverCrashTheDecoder() throws Exception {
        long seed = 0xbadc0deL;
        System.out.println("InvalidInsnTest random seed " + seed);
        Random rnd = new Random(seed);
        int accepted = 0;
        for (int i = 0; i < 20000; i++) {
            byte[] b = new byte[8 * (1 + rnd.nextInt(4)) + (rnd.nextInt(10) == 0 ? rnd.nextInt(8) : 0)];
            rnd.nextBytes(b);
            try {
                Code c = Decoder.decode(b);
                assertEquals(HexFormat.of().formatHex(b), HexFormat.of().formatHex(Encoder.encode(c).bytes()));
                accepted++;
            } catch (DecodeException expected) {
                assertTrue(expected.getMessage().startsWith("invalid instruction at byte offset"));
            }
        }
        assertTrue(accepted > 0, "some random bytes are valid instructions");
    }

    @Test
    void encoderRejectsUnboundLabelsAndFarJumps() {
        EncodeException e = assertThrows(EncodeException.class, () -> Encoder.encode(Code.of(Jmp.ja(new Label("nowhere")))));
        assertTrue(e.getMessage().contains("does not bind"), e.getMessage());
        Code.Builder far = Code.builder().emit(Jmp.ja(new Label("end")));
        for (int i = 0; i < 40000; i++) {
            far.emit(Alu64.MOV.imm(Reg.R0, i));
        }
        Code code = far.bind(new Label("end")).emit(Jmp.exit()).build();
        e = assertThrows(EncodeException.class, () -> Encoder.encode(code));
        assertTrue(e.getMessage().contains("gotol"), e.getMessage());
    }
}
