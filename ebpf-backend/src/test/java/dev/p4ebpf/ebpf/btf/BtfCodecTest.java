package dev.p4ebpf.ebpf.btf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.p4ebpf.ebpf.btf.BtfType.*;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** .BTF round trips over every kind, and malformed sections rejected with BtfException. */
class BtfCodecTest {

    /** A type graph with every BTF kind, including bitfields, signed enums and tags. */
    static Btf everyKind() {
        BtfBuilder b = new BtfBuilder();
        int i32 = b.integer("int", 4, true);
        int u8 = b.add(new Int("unsigned char", 1, 0, 0, 8));
        int bool = b.add(new Int("_Bool", 1, BtfType.INT_BOOL, 0, 1));
        int ch = b.add(new Int("char", 1, BtfType.INT_SIGNED | BtfType.INT_CHAR, 0, 8));
        int ptr = b.ptr(i32);
        int arr = b.array(u8, 16);
        int fwdU = b.add(new Fwd("later_union", true));
        int self = b.reserve();
        b.define(self, new Struct("node", 24, false, List.of(Member.at("value", i32, 0),
                Member.at("next", b.ptr(self), 64), Member.at("bytes", arr, 128))));
        int bits = b.add(new Struct("flags", 4, true, List.of(new Member("a", i32, 0, 3), new Member("b", i32, 3, 5))));
        int un = b.add(new Union("either", 8, false, List.of(Member.at("i", i32, 0), Member.at("p", ptr, 0))));
        int en = b.add(new BtfType.Enum("color", 4, true, List.of(new EnumValue("RED", -1), new EnumValue("BLUE", 7))));
        int en64 = b.add(new Enum64("big", 8, false, List.of(new EnumValue("HUGE", 0x1_0000_0000L), new EnumValue("MAX", -1L))));
        int td = b.typedef("my_int", i32);
        int vol = b.add(new Volatile(td));
        int cst = b.add(new BtfType.Const(vol));
        int rst = b.add(new Restrict(b.ptr(cst)));
        int proto = b.add(new FuncProto(i32, List.of(new Param("x", rst), new Param("", 0))));
        int func = b.add(new Func("f", proto, FuncLinkage.GLOBAL));
        int var = b.add(new Var("counter", en, VarLinkage.GLOBAL_ALLOCATED));
        b.add(new Datasec(".data", 4, List.of(new VarSecinfo(var, 0, 4))));
        b.add(new BtfType.Float("double", 8));
        b.add(new DeclTag("user_tag", func, -1, false));
        b.add(new DeclTag("arg_tag", func, 0, true));
        b.add(new TypeTag("rcu", ptr, false));
        b.add(new Struct("uses", 24, false, List.of(Member.at("u", un, 0), Member.at("bits", bits, 64),
                Member.at("flag", bool, 96), Member.at("c", ch, 104), Member.at("e64", en64, 128), Member.at("fu", fwdU, 0))));
        return b.build();
    }

    @Test
    void everyKindRoundTripsExactly() throws Exception {
        Btf btf = everyKind();
        assertEquals(19, btf.types().stream().map(BtfType::kind).distinct().count(), "all 19 kinds present");
        byte[] bytes = BtfCodec.encode(btf);
        BtfCodec.Decoded d = BtfCodec.decode(bytes);
        assertEquals(btf, d.btf());
        assertArrayEquals(bytes, BtfCodec.encode(d.btf()));
    }

    @Test
    void builderStoresEqualTypesAndStringsOnce() {
        BtfBuilder b = new BtfBuilder();
        int a = b.integer("int", 4, true);
        assertEquals(a, b.integer("int", 4, true));
        assertEquals(b.array(a, 3), b.array(a, 3));
        b.typedef("int", a);
        byte[] bytes = BtfCodec.encode(b.build());
        int strLen = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(20);
        assertEquals("\0int\0__ARRAY_SIZE_TYPE__\0".length(), strLen, "each distinct string stored once");
    }

    @Test
    void sizesFollowTypedefsAndModifiers() throws Exception {
        Btf btf = everyKind();
        int node = btf.find(Struct.class, "node").orElseThrow();
        assertEquals(24, btf.sizeOf(node));
        int cst = btf.find(Typedef.class, "my_int").orElseThrow();
        assertEquals(4, btf.sizeOf(cst));
        assertThrows(BtfException.class, () -> btf.sizeOf(btf.find(Fwd.class, "later_union").orElseThrow()));
    }

    private static byte[] valid() {
        return BtfCodec.encode(everyKind());
    }

    private static void expect(byte[] bytes, String reason) {
        BtfException e = assertThrows(BtfException.class, () -> BtfCodec.decode(bytes));
        assertTrue(e.getMessage().contains(reason), "'" + e.getMessage() + "' should mention '" + reason + "'");
    }

    @Test
    void malformedSectionsAreRejected() {
        expect(new byte[10], "shorter than its 24-byte header");
        byte[] b = valid();
        b[0] = (byte) 0xeb;
        b[1] = (byte) 0x9f;
        expect(b, "big-endian");
        b = valid();
        b[2] = 2;
        expect(b, "version 2");
        b = valid();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 1 << 20);
        expect(b, "type section");
        b = valid();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 4, 30 << 24);
        expect(b, "unknown kind 30");
        b = valid();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 1 << 24);
        expect(b, "string offset");
        BtfBuilder bad = new BtfBuilder();
        bad.add(new Ptr(0));
        byte[] ptr = BtfCodec.encode(bad.build());
        ByteBuffer.wrap(ptr).order(ByteOrder.LITTLE_ENDIAN).putInt(24 + 8, 99);
        expect(ptr, "refers to type 99");
        byte[] trunc = valid();
        ByteBuffer tb = ByteBuffer.wrap(trunc).order(ByteOrder.LITTLE_ENDIAN);
        tb.putInt(12, 30);
        expect(trunc, "truncated");
    }

    @Test
    void randomCorruptionsFailOnlyWithBtfException() {
        long seed = 0xb7fL;
        System.out.println("BtfCodecTest seed " + seed);
        Random rnd = new Random(seed);
        byte[] base = valid();
        for (int round = 0; round < 20000; round++) {
            byte[] b = rnd.nextInt(5) == 0 ? Arrays.copyOf(base, rnd.nextInt(base.length)) : base.clone();
            for (int i = 0, n = 1 + rnd.nextInt(4); i < n && b.length > 0; i++) {
                b[rnd.nextInt(b.length)] = (byte) rnd.nextInt();
            }
            try {
                BtfCodec.decode(b);
            } catch (BtfException expected) {
                // rejected with a reason: fine
            } catch (RuntimeException e) {
                fail("round " + round + " (seed " + seed + "): " + e, e);
            }
        }
    }
}
