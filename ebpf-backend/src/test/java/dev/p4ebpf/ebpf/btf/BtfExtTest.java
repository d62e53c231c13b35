package dev.p4ebpf.ebpf.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** .BTF.ext func_info, line_info and CO-RE records round trip, and kernel-layout records. */
class BtfExtTest {
    static BtfExt sample() {
        return new BtfExt(
                List.of(new BtfExt.Section<>("xdp", List.of(new BtfExt.FuncInfo(0, 3))),
                        new BtfExt.Section<>(".text", List.of(new BtfExt.FuncInfo(0, 5), new BtfExt.FuncInfo(7, 6)))),
                List.of(new BtfExt.Section<>("xdp", List.of(new BtfExt.LineInfo(0, "a.p4", "apply {", 3, 5),
                        new BtfExt.LineInfo(4, "a.p4", "t.apply();", 4, 1023)))),
                List.of(new BtfExt.Section<>("xdp", List.of(new BtfExt.CoreRelo(2, 1, "0:1", 0)))));
    }

    @Test
    void encodedTogetherWithBtfAndDecodedBack() throws Exception {
        Btf btf = BtfCodecTest.everyKind();
        BtfExtCodec.Encoded enc = BtfExtCodec.encode(btf, sample());
        BtfCodec.Decoded d = BtfCodec.decode(enc.btf());
        assertEquals(btf, d.btf(), "the extra strings do not disturb the types");
        assertEquals(sample(), BtfExtCodec.decode(enc.ext(), d.strings()));
        assertEquals(List.of(new BtfExt.FuncInfo(0, 5), new BtfExt.FuncInfo(7, 6)), sample().funcInfo(".text"));
    }

    @Test
    void kernelRecordsUseInstructionIndicesAndStringOffsets() {
        BtfExtCodec.Encoded enc = BtfExtCodec.encode(Btf.EMPTY, sample());
        byte[] li = BtfExtCodec.kernelLineInfo(sample().lineInfo("xdp"), enc.strings(), 10);
        ByteBuffer b = ByteBuffer.wrap(li).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(32, li.length);
        assertEquals(14, b.getInt(16), "insn_off is an instruction index, rebased");
        assertEquals(enc.strings().offsetOf("a.p4"), b.getInt(20));
        assertEquals(enc.strings().offsetOf("t.apply();"), b.getInt(24));
        assertEquals(4 << 10 | 1023, b.getInt(28));
        byte[] fi = BtfExtCodec.kernelFuncInfo(sample().funcInfo(".text"), 0);
        assertEquals(7, ByteBuffer.wrap(fi).order(ByteOrder.LITTLE_ENDIAN).getInt(8));
    }

    @Test
    void malformedExtIsRejected() throws Exception {
        BtfExtCodec.Encoded enc = BtfExtCodec.encode(Btf.EMPTY, sample());
        StringTable st = BtfCodec.decode(enc.btf()).strings();
        byte[] b = enc.ext();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 1 << 20);
        BtfException e = assertThrows(BtfException.class, () -> BtfExtCodec.decode(b, st));
        assertTrue(e.getMessage().contains("func_info"), e.getMessage());
        byte[] odd = enc.ext();
        ByteBuffer.wrap(odd).order(ByteOrder.LITTLE_ENDIAN).putInt(32 + 4 + 8, 3);
        e = assertThrows(BtfException.class, () -> BtfExtCodec.decode(odd, st));
        assertTrue(e.getMessage().contains("multiple of 8"), e.getMessage());
    }
}
