package dev.p4ebpf.ebpf.lirtest;

import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.LTerm;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.StackSlot;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ebpf.opt.Semantics;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs an LIR function as an XDP program on one packet: {@code ctx} is an {@code xdp_md} whose
 * {@code data}/{@code data_end} point into the packet, stack slots are byte arrays, pointers are
 * addresses in a small made-up address space. Helpers: {@code get_prandom_u32} (a fixed
 * linear-congruential sequence), {@code csum_diff} with empty buffers (the seed folded to 16 bits, as
 * the kernel gives it) and {@code xdp_get_buff_len}. Test-only: the oracle for the optimizer, the allocator
 * and the emitter.
 */
public final class LirInterpreter {
    private static final long PACKET = 0x1000_0000L;
    private static final long CTX = 0x3000_0000L;
    private static final long STACK = 0x2000_0000L;
    private static final long SLOT_SPAN = 0x1000L;

    /** What a run gives: r0 and the packet afterwards. */
    public record Result(long value, byte[] packet) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && r.value == value && java.util.Arrays.equals(r.packet, packet);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(value) * 31 + java.util.Arrays.hashCode(packet);
        }

        @Override
        public String toString() {
            return "returns " + value + ", packet " + java.util.HexFormat.of().formatHex(packet);
        }
    }

    /** A run went wrong (bad address, too many steps): the program is not valid for this test. */
    public static final class Trap extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Trap(String message) {
            super(message);
        }
    }

    private final LFunction f;
    private final Map<Integer, LBlock> blocks;
    private final byte[] packet;
    private final Map<Integer, byte[]> stack = new HashMap<>();
    private final Map<Integer, Long> regs = new HashMap<>();
    private long random = 12345;
    private final boolean clobber;

    private LirInterpreter(LFunction f, byte[] packet, boolean clobber) {
        this.f = f;
        this.clobber = clobber;
        this.blocks = f.byId();
        this.packet = packet.clone();
        for (StackSlot s : f.slots()) {
            stack.put(s.id(), new byte[s.size()]);
        }
    }

    public static Result run(LFunction f, byte[] packet) {
        return new LirInterpreter(f, packet, false).run();
    }

    /**
     * Runs a function whose registers are physical ({@code %n} is rn): every call overwrites r0–r5
     * with garbage before setting its result, as the kernel's helpers may.
     */
    public static Result runPhysical(LFunction f, byte[] packet) {
        return new LirInterpreter(f, packet, true).run();
    }

    private Result run() {
        if (!f.params().isEmpty()) {
            regs.put(f.params().getFirst().id(), CTX);
        }
        LBlock b = f.entry();
        for (int steps = 0; steps < 1_000_000; steps++) {
            b.insns().forEach(this::exec);
            switch (b.term()) {
                case LTerm.Jump j -> b = blocks.get(j.target());
                case LTerm.Branch br -> b = blocks.get(Semantics.branch(br.cond(), br.is32(), get(br.a()),
                        value(br.b())) ? br.ifTrue() : br.ifFalse());
                case LTerm.Return r -> {
                    return new Result(value(r.value()), packet);
                }
            }
        }
        throw new Trap("too many steps");
    }

    private long get(VReg v) {
        Long x = regs.get(v.id());
        if (x == null) {
            throw new Trap("read of unset register " + v);
        }
        return x;
    }

    private long value(Operand o) {
        return switch (o) {
            case VReg v -> get(v);
            case Operand.Imm(long v) -> v;
        };
    }

    private void set(VReg v, long x) {
        regs.put(v.id(), x);
    }

    private void exec(LInsn i) {
        switch (i) {
            case LInsn.Mov m -> set(m.dst(), value(m.src()));
            case LInsn.Alu a -> set(a.dst(), Semantics.alu(a.op(), a.is32(), get(a.a()), value(a.b())));
            case LInsn.Neg n -> set(n.dst(), Semantics.neg(n.is32(), get(n.src())));
            case LInsn.SignExtend s -> set(s.dst(), Semantics.signExtend(s.bits(), get(s.src())));
            case LInsn.ByteSwap b -> set(b.dst(), Semantics.byteSwap(b.bits(), get(b.src())));
            case LInsn.Load l -> set(l.dst(), load(get(l.base()) + l.offset(), l.size()));
            case LInsn.Store s -> store(get(s.base()) + s.offset(), s.size(), value(s.value()));
            case LInsn.AtomicAdd a -> {
                long at = get(a.base()) + a.offset();
                store(at, a.size(), load(at, a.size()) + get(a.value()));
            }
            case LInsn.StackAddr s -> set(s.dst(), STACK + s.slot().id() * SLOT_SPAN + s.offset());
            case LInsn.LoadStack l -> set(l.dst(), load(STACK + l.slot().id() * SLOT_SPAN + l.offset(), l.size()));
            case LInsn.StoreStack s -> store(STACK + s.slot().id() * SLOT_SPAN + s.offset(), s.size(), value(s.value()));
            case LInsn.LoadMap m -> throw new Trap("maps are not modelled");
            case LInsn.CallHelper c -> {
                long r = switch (c.helper()) {
                    case GET_PRANDOM_U32 -> {
                        random = random * 6364136223846793005L + 1442695040888963407L;
                        yield random >>> 32;
                    }
                    case CSUM_DIFF -> fold(value(c.args().get(4)) & 0xffffffffL);
                    case XDP_GET_BUFF_LEN -> packet.length;
                    default -> throw new Trap("helper " + c.helper() + " is not modelled");
                };
                clobber();
                c.result().ifPresent(v -> set(v, r));
            }
            case LInsn.CallLocal c -> throw new Trap("local calls are not modelled");
        }
    }

    private void clobber() {
        if (clobber) {
            for (int n = 0; n <= 5; n++) {
                regs.put(n, 0xdead_beef_0000_0000L + n);
            }
        }
    }

    /** The kernel folds csum_diff's 32-bit sum to 16 bits (csum_from32to16). */
    private static long fold(long sum) {
        long x = (sum & 0xffff) + (sum >>> 16);
        return (x & 0xffff) + (x >>> 16);
    }

    private long load(long at, Size size) {
        if (at == CTX) {
            return PACKET;
        }
        if (at == CTX + 4) {
            return PACKET + packet.length;
        }
        byte[] mem = memory(at, size);
        int off = offset(at);
        long v = 0;
        for (int k = size.bytes() - 1; k >= 0; k--) {
            v = (v << 8) | (mem[off + k] & 0xff);
        }
        return v;
    }

    private void store(long at, Size size, long v) {
        byte[] mem = memory(at, size);
        int off = offset(at);
        for (int k = 0; k < size.bytes(); k++) {
            mem[off + k] = (byte) (v >>> (8 * k));
        }
    }

    private byte[] memory(long at, Size size) {
        byte[] mem;
        if (at >= PACKET && at < PACKET + packet.length) {
            mem = packet;
        } else if (at >= STACK && at < CTX) {
            mem = stack.get((int) ((at - STACK) / SLOT_SPAN));
        } else {
            throw new Trap("access outside any memory at 0x" + Long.toHexString(at));
        }
        int off = offset(at);
        if (mem == null || off < 0 || off + size.bytes() > mem.length) {
            throw new Trap("out-of-bounds access at 0x" + Long.toHexString(at));
        }
        return mem;
    }

    private static int offset(long at) {
        return (int) (at >= STACK && at < CTX ? (at - STACK) % SLOT_SPAN : at - PACKET);
    }
}
