package dev.p4ebpf.ebpf.lirtest;

import dev.p4ebpf.ebpf.btf.BtfBuilder;
import dev.p4ebpf.ebpf.btf.BtfType;
import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.LBuilder;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.StackSlot;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.MapType;
import dev.p4ebpf.ebpf.object.ObjectBuilder;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/**
 * The IPv4 LPM router of {@code router.c} as LIR, in the shape a straightforward P4 lowering gives:
 * every parser state re-reads {@code data}/{@code data_end} and checks its own bound, header fields
 * are byte-swapped into host order when read and back when used as a big-endian key, the deparser
 * checks the Ethernet bound again before writing, and the checksum carry is a diamond. The
 * optimizer is expected to remove that redundancy.
 */
public final class RouterLir {
    public static final String MAP = "routes";
    public static final int XDP_DROP = 1;
    public static final int XDP_PASS = 2;
    public static final int XDP_TX = 3;

    private RouterLir() {}

    private static final Span S = Span.NONE;

    public static LFunction function() {
        LBuilder b = new LBuilder("router");
        VReg ctx = b.param("ctx");
        int entry = b.newBlock();
        int eth = b.newBlock();
        int ipCheck = b.newBlock();
        int ip = b.newBlock();
        int hit = b.newBlock();
        int rewrite = b.newBlock();
        int carry = b.newBlock();
        int noCarry = b.newBlock();
        int done = b.newBlock();
        int drop = b.newBlock();
        int pass = b.newBlock();
        StackSlot key = b.slot(8, 8, "key");

        b.switchTo(entry);
        VReg data = load(b, Size.W, "data", ctx, 0);
        VReg end = load(b, Size.W, "data_end", ctx, 4);
        VReg lim = b.reg("lim");
        b.emit(new LInsn.Alu(AluOp.ADD, false, lim, data, Operand.imm(14), S));
        b.branch(JmpOp.JGT, false, lim, end, drop, eth, S);

        b.switchTo(eth);
        VReg protoRaw = load(b, Size.H, "eth.type.raw", data, 12);
        VReg proto = b.reg("eth.type");
        b.emit(new LInsn.ByteSwap(16, proto, protoRaw, S));
        b.branch(JmpOp.JNE, false, proto, Operand.imm(0x0800), pass, ipCheck, S);

        b.switchTo(ipCheck);
        VReg data2 = load(b, Size.W, "data", ctx, 0);
        VReg end2 = load(b, Size.W, "data_end", ctx, 4);
        VReg lim2 = b.reg("lim");
        b.emit(new LInsn.Alu(AluOp.ADD, false, lim2, data2, Operand.imm(34), S));
        b.branch(JmpOp.JGT, false, lim2, end2, drop, ip, S);

        b.switchTo(ip);
        VReg dstRaw = load(b, Size.W, "ipv4.dst.raw", data2, 30);
        VReg dst = b.reg("ipv4.dst");
        b.emit(new LInsn.ByteSwap(32, dst, dstRaw, S));
        b.emit(new LInsn.StoreStack(Size.W, key, 0, Operand.imm(32), S));
        VReg keyAddr = b.reg("key.addr");
        b.emit(new LInsn.ByteSwap(32, keyAddr, dst, S));
        b.emit(new LInsn.StoreStack(Size.W, key, 4, keyAddr, S));
        VReg map = b.reg("map");
        b.emit(new LInsn.LoadMap(map, MAP, S));
        VReg keyPtr = b.reg("key.ptr");
        b.emit(new LInsn.StackAddr(keyPtr, key, 0, S));
        VReg nh = b.reg("nexthop");
        b.emit(new LInsn.CallHelper(Helper.MAP_LOOKUP_ELEM, List.of(map, keyPtr), Optional.of(nh), S));
        b.branch(JmpOp.JEQ, false, nh, Operand.imm(0), drop, hit, S);

        b.switchTo(hit);
        VReg lim3 = b.reg("lim");
        b.emit(new LInsn.Alu(AluOp.ADD, false, lim3, data2, Operand.imm(14), S));
        b.branch(JmpOp.JGT, false, lim3, end2, drop, rewrite, S);

        b.switchTo(rewrite);
        for (int k = 0; k < 12; k += 2) {
            VReg w = load(b, Size.H, "mac", nh, k);
            b.emit(new LInsn.Store(Size.H, data2, k, w, S));
        }
        VReg ttl = load(b, Size.B, "ipv4.ttl", data2, 22);
        VReg ttl1 = b.reg("ttl");
        b.emit(new LInsn.Alu(AluOp.SUB, true, ttl1, ttl, Operand.imm(1), S));
        VReg ttl2 = b.reg("ttl");
        b.emit(new LInsn.Alu(AluOp.AND, false, ttl2, ttl1, Operand.imm(0xff), S));
        b.emit(new LInsn.Store(Size.B, data2, 22, ttl2, S));
        VReg check = load(b, Size.H, "ipv4.csum", data2, 24);
        VReg sum = b.reg("sum");
        b.emit(new LInsn.Alu(AluOp.ADD, true, sum, check, Operand.imm(1), S));
        VReg c = b.reg("carry");
        b.emit(new LInsn.Mov(c, Operand.imm(1), S));
        b.branch(JmpOp.JGE, true, sum, Operand.imm(0xffff), carry, noCarry, S);

        b.switchTo(noCarry);
        b.emit(new LInsn.Mov(c, Operand.imm(0), S));
        b.jump(done, S);
        b.switchTo(carry);
        b.jump(done, S);

        b.switchTo(done);
        VReg folded = b.reg("csum");
        b.emit(new LInsn.Alu(AluOp.ADD, true, folded, sum, c, S));
        b.emit(new LInsn.Store(Size.H, data2, 24, folded, S));
        b.ret(Operand.imm(XDP_TX), S);

        b.switchTo(drop);
        b.ret(Operand.imm(XDP_DROP), S);
        b.switchTo(pass);
        b.ret(Operand.imm(XDP_PASS), S);
        return b.build();
    }

    private static VReg load(LBuilder b, Size size, String hint, VReg base, int off) {
        VReg v = b.reg(hint);
        b.emit(new LInsn.Load(size, v, base, off, S));
        return v;
    }

    /** An object with {@code code} as XDP program {@code router} and the LPM map of router.c. */
    public static BpfObject object(Code code) {
        ObjectBuilder ob = new ObjectBuilder("GPL", s -> Optional.empty());
        BtfBuilder btf = ob.btf();
        int u32 = btf.integer("unsigned int", 4, false);
        int u16 = btf.integer("unsigned short", 2, false);
        int key = btf.struct("lpm_key", 8, List.of(BtfType.Member.at("prefixlen", u32, 0),
                BtfType.Member.at("addr", u32, 32)));
        int mac = btf.array(u16, 3);
        int value = btf.struct("nexthop", 12, List.of(BtfType.Member.at("dmac", mac, 0),
                BtfType.Member.at("smac", mac, 48)));
        ob.map(MapSpec.of(MAP, MapType.LPM_TRIE, 1024, key, 8, value, 12).withFlags(1));
        ob.program("xdp", "router", code);
        return ob.build();
    }

    /** An Ethernet + IPv4 packet to 198.51.100.7 with TTL 64 and a valid header checksum. */
    public static byte[] packet() {
        byte[] p = new byte[64];
        byte[] head = {
            0x02, 0, 0, 0, 0, 0x01, 0x02, 0, 0, 0, 0, 0x02, 0x08, 0x00,
            0x45, 0, 0, 50, 0, 1, 0, 0, 64, 17, 0, 0,
            (byte) 192, 0, 2, 1, (byte) 198, 51, 100, 7};
        System.arraycopy(head, 0, p, 0, head.length);
        int sum = 0;
        for (int i = 14; i < 34; i += 2) {
            sum += ((p[i] & 0xff) << 8) | (p[i + 1] & 0xff);
        }
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = ~((sum & 0xffff) + (sum >>> 16)) & 0xffff;
        p[24] = (byte) (sum >>> 8);
        p[25] = (byte) sum;
        return p;
    }

    /** The route key of 198.51.100.0/24 and its next hop (dmac 02:00:00:00:00:aa, smac 02:00:00:00:00:bb). */
    public static byte[][] route() {
        byte[] key = {24, 0, 0, 0, (byte) 198, 51, 100, 0};
        byte[] value = {0x02, 0, 0, 0, 0, (byte) 0xaa, 0x02, 0, 0, 0, 0, (byte) 0xbb};
        return new byte[][] {key, value};
    }
}
