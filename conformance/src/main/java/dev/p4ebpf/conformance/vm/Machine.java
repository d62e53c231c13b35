package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.Imm;
import dev.p4ebpf.ebpf.insn.Imm64;
import dev.p4ebpf.ebpf.insn.Insn;
import dev.p4ebpf.ebpf.insn.Reg;
import dev.p4ebpf.ebpf.object.ProgramType;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a program on one packet: the registers with their types, the call stack of 512-byte
 * frames, the instruction budget, and the loop that executes instructions. Scalar semantics are
 * {@link Arithmetic}'s; what is new here is the type discipline — pointers may only be moved, offset
 * by scalars, subtracted from each other and compared; memory is reached only through pointers and
 * only within their region; registers a call clobbered cannot be read.
 */
final class Machine {
    static final int STACK_SIZE = 512;
    static final int MAX_FRAMES = 8;
    static final int MAX_TAIL_CALLS = 33;

    final VmProgram vm;
    final VmContext ctx;
    final Region ctxRegion;
    final long[] reg = new long[11];
    final Region[] type = new Region[11];
    final List<String> trace = new ArrayList<>();
    final List<Region> reservations = new ArrayList<>();
    LoadedCode code;
    int pc;
    Redirect redirect;
    int tailCalls;
    private final long budget;
    private long executed;
    private final Frame[] frames = new Frame[MAX_FRAMES];
    private int depth;
    private Region stack;

    /** A caller's state, saved by a BPF-to-BPF call. */
    private record Frame(LoadedCode code, int returnPc, long[] saved, Region[] savedTypes, Region stack) {
    }

    Machine(VmProgram vm, LoadedCode code, VmContext ctx, long budget) {
        this.vm = vm;
        this.code = code;
        this.ctx = ctx;
        this.budget = budget;
        this.ctxRegion = Region.context(code.type == ProgramType.XDP ? "xdp_md" : "__sk_buff", vm.addresses.next());
        java.util.Arrays.fill(type, Region.UNINIT);
        set(1, 0, ctxRegion);
        stack = newStack(0);
    }

    long executed() {
        return executed;
    }

    private Region newStack(int frame) {
        Region s = Region.stack("the stack of frame " + frame, STACK_SIZE, vm.addresses.next());
        set(10, STACK_SIZE, s);
        return s;
    }

    void set(int r, long value, Region t) {
        reg[r] = value;
        type[r] = t;
    }

    /** Runs to the final exit and returns r0. */
    long run() throws VmException {
        try {
            while (true) {
                if (++executed > budget) {
                    throw new Trap(VmFault.INSTRUCTION_BUDGET_EXHAUSTED, "the run executed more than " + budget
                            + " instructions without exiting: an endless loop, or raise the budget in RunOptions");
                }
                if (pc >= code.insns.length) {
                    throw new Trap(VmFault.INVALID_PROGRAM, "execution fell off the end of the program");
                }
                if (step(code.insns[pc])) {
                    return reg[0];
                }
            }
        } catch (Trap t) {
            throw fault(t.fault, t.getMessage());
        } catch (RuntimeException e) {
            throw fault(VmFault.INTERNAL, "internal error of the VM (please report it): " + e);
        }
    }

    private VmException fault(VmFault f, String message) {
        int at = Math.min(pc, code.insns.length - 1);
        String where = "program " + code.name + ", instruction " + code.slot[at] + " (" + code.text(at) + ")";
        if (!code.spans[at].isNone()) {
            where += " at " + code.spans[at];
        }
        return new VmException(f, code.name, code.slot[at], code.spans[at], where + ": " + message);
    }

    /** Executes one instruction; true when the program exited. */
    private boolean step(Insn insn) {
        switch (insn) {
            case Insn.Arith a -> arith(a);
            case Insn.Endian e -> {
                int d = writable(e.dst());
                set(d, Arithmetic.endian(e.order(), e.bits(), scalar(d, "a byte swap")), null);
            }
            case Insn.Branch b -> {
                pc = branch(b) ? code.target[pc] : pc + 1;
                return false;
            }
            case Insn.Goto g -> {
                pc = code.target[pc];
                return false;
            }
            case Insn.CallHelper c -> {
                pc++;
                Helpers.call(this, c.id());
                return false;
            }
            case Insn.CallLocal c -> {
                call(code.target[pc]);
                return false;
            }
            case Insn.CallKfunc k -> throw new Trap(VmFault.UNSUPPORTED_HELPER, "kfunc calls (BTF id " + k.btfId()
                    + ") are not supported by the VM");
            case Insn.Exit x -> {
                return exit();
            }
            case Insn.Load l -> load(l);
            case Insn.Store s -> store(s);
            case Insn.Atomic a -> Atomics.execute(this, a);
            case Insn.LoadImm64 l -> loadImm64(l);
            case Insn.LoadAbs l -> {
                return legacyLoad(l.imm(), l.size().bytes());
            }
            case Insn.LoadInd l -> {
                return legacyLoad(l.imm() + (int) scalar(l.src().number(), "a packet load offset"), l.size().bytes());
            }
        }
        pc++;
        return false;
    }

    // ---- registers

    private int writable(Reg r) {
        if (r == Reg.R10) {
            throw new Trap(VmFault.INVALID_PROGRAM, "r10, the frame pointer, is read-only");
        }
        return r.number();
    }

    /** The register's value, which must be initialized; pointers read as their fake address. */
    long value(int r) {
        Region t = type[r];
        if (t == null) {
            return reg[r];
        }
        if (t == Region.UNINIT) {
            throw uninit(r);
        }
        return t.base + reg[r];
    }

    /** The register's value, which must be a scalar. */
    long scalar(int r, String use) {
        Region t = type[r];
        if (t == null) {
            return reg[r];
        }
        if (t == Region.UNINIT) {
            throw uninit(r);
        }
        throw new Trap(VmFault.POINTER_ARITHMETIC, "r" + r + " holds a pointer to " + t.kind.text + " where "
                + use + " needs a scalar");
    }

    Trap uninit(int r) {
        return new Trap(VmFault.UNINITIALIZED_REGISTER, "r" + r + " is read before it is written"
                + (r >= 1 && r <= 5 ? " (calls clobber r1-r5)" : ""));
    }

    // ---- ALU

    private void arith(Insn.Arith a) {
        int d = writable(a.dst());
        AluOp op = a.op();
        Region st;
        long sv;
        if (a.src() instanceof Reg r) {
            st = type[r.number()];
            sv = reg[r.number()];
            if (st == Region.UNINIT) {
                throw uninit(r.number());
            }
        } else {
            st = null;
            sv = ((Imm) a.src()).value();
        }
        if (op == AluOp.MOV && a.wide()) {
            set(d, sv, st);
            return;
        }
        if (op == AluOp.MOV || op.signExtendingMove()) {
            long v = st == null ? sv : st.base + sv;
            set(d, a.wide() ? Arithmetic.alu64(op, 0, v) : Arithmetic.alu32(op, 0, v), null);
            return;
        }
        Region dt = type[d];
        if (dt == Region.UNINIT) {
            throw uninit(d);
        }
        if (dt == null && st == null) {
            reg[d] = a.wide() ? Arithmetic.alu64(op, reg[d], sv) : Arithmetic.alu32(op, reg[d], sv);
            return;
        }
        pointerArith(a, d, dt, st, sv);
    }

    private void pointerArith(Insn.Arith a, int d, Region dt, Region st, long sv) {
        Region p = dt != null ? dt : st;
        if (dt != null && st != null) {
            if (a.op() != AluOp.SUB) {
                throw pointerOp("pointer " + a.op().operator() + " pointer");
            }
            long diff = (dt.base + reg[d]) - (st.base + sv);
            set(d, a.wide() ? diff : diff & 0xffff_ffffL, null);
            return;
        }
        if (!a.wide()) {
            if (a.op() != AluOp.SUB) {
                throw pointerOp("32-bit arithmetic on a pointer to " + p.kind.text);
            }
            // as the verifier allows root: a meaningless scalar, here the difference of the low 32 bits
            set(d, Arithmetic.alu32(AluOp.SUB, dt == null ? reg[d] : dt.base + reg[d], st == null ? sv : st.base + sv), null);
            return;
        }
        if (p.kind == Region.Kind.MAP || p.kind == Region.Kind.PACKET_END || p.kind == Region.Kind.FUNC) {
            throw pointerOp("arithmetic on a pointer to " + p.kind.text);
        }
        if (a.op() == AluOp.ADD) {
            set(d, dt != null ? reg[d] + sv : sv + reg[d], p);
        } else if (a.op() == AluOp.SUB && dt != null) {
            reg[d] -= sv;
        } else {
            throw pointerOp((dt != null ? "pointer " : "scalar ") + a.op().operator() + (dt != null ? " scalar" : " pointer"));
        }
    }

    private static Trap pointerOp(String what) {
        return new Trap(VmFault.POINTER_ARITHMETIC, what + " is not allowed (only pointer += scalar, pointer -= scalar,"
                + " pointer - pointer)");
    }

    private boolean branch(Insn.Branch b) {
        long a = value(b.dst().number());
        long c = b.src() instanceof Reg r ? value(r.number()) : ((Imm) b.src()).value();
        return Arithmetic.taken(b.op(), b.jmp32(), a, c);
    }

    // ---- memory

    /** The region register {@code r} points into, which must be a valid pointer. */
    Region pointer(int r, String use) {
        Region t = type[r];
        if (t == null) {
            throw new Trap(VmFault.INVALID_POINTER, use + " through r" + r + ", which holds the scalar 0x"
                    + Long.toHexString(reg[r]) + ", not a pointer");
        }
        if (t == Region.UNINIT) {
            throw uninit(r);
        }
        return t;
    }

    private void load(Insn.Load l) {
        int d = writable(l.dst());
        int s = l.src().number();
        Region r = pointer(s, "read");
        long addr = reg[s] + l.off();
        int size = l.size().bytes();
        if (r.kind == Region.Kind.CTX) {
            ctx.load(this, d, addr, size, l.signExtend());
            return;
        }
        Region spilled = r.kind == Region.Kind.STACK ? r.spillAt(addr) : null;
        if (spilled != null && r.valid) {
            if (size != 8) {
                throw new Trap(VmFault.INVALID_POINTER, "partial read of a pointer spilled to the stack at offset "
                        + (addr - STACK_SIZE));
            }
            set(d, r.load(addr, 8), spilled);
            return;
        }
        long v = r.load(addr, size);
        set(d, l.signExtend() ? Arithmetic.signExtend(v, size) : v, null);
    }

    private void store(Insn.Store s) {
        int d = s.dst().number();
        Region r = pointer(d, "write");
        long addr = reg[d] + s.off();
        int size = s.size().bytes();
        Region st = null;
        long v;
        if (s.src() instanceof Reg src) {
            st = type[src.number()];
            if (st == Region.UNINIT) {
                throw uninit(src.number());
            }
            v = reg[src.number()];
        } else {
            v = ((Imm) s.src()).value();
        }
        if (r.kind == Region.Kind.CTX) {
            if (st != null) {
                throw new Trap(VmFault.INVALID_CONTEXT_ACCESS, "a pointer cannot be stored into the context");
            }
            ctx.store(addr, size, v);
        } else if (st != null && r.kind == Region.Kind.STACK && size == 8 && (addr & 7) == 0) {
            r.check(addr, 8, true);
            r.spill(addr, st, v);
        } else {
            r.store(addr, size, st == null ? v : st.base + v);
        }
    }

    private void loadImm64(Insn.LoadImm64 l) {
        int d = writable(l.dst());
        switch (l.value()) {
            case Imm64.Const c -> set(d, c.value(), null);
            case Imm64.Map m -> set(d, 0, vm.mapPointer(m.name()));
            case Imm64.MapValue mv -> {
                Region element = vm.dataSection(mv.name());
                set(d, mv.offset(), element);
            }
            case Imm64.Func f -> set(d, 0, Region.function(code.target[pc], vm.addresses.next()));
            case Imm64.Pseudo p -> throw new Trap(VmFault.INVALID_PROGRAM, "LD_IMM64 with " + p.kind() + " " + p.imm()
                    + ": the VM resolves maps by name from the object's relocations, not by fd or index");
        }
    }

    /** {@code BPF_LD | BPF_ABS/IND}: a big-endian packet load into r0; out of bounds ends the program with 0. */
    private boolean legacyLoad(long off, int size) {
        if (code.type == ProgramType.XDP || type[6] != ctxRegion || reg[6] != 0) {
            throw new Trap(VmFault.INVALID_PROGRAM, "legacy packet loads need a sched_cls program with the context in r6");
        }
        PacketBuffer p = ctx.packet();
        for (int r = 1; r <= 5; r++) {
            type[r] = Region.UNINIT;
        }
        if (off < 0 || off + size > p.length()) {
            set(0, 0, null);
            depth = 0;
            return true;
        }
        long v = 0;
        for (int i = 0; i < size; i++) {
            v = v << 8 | (p.buf[p.data + (int) off + i] & 0xffL);
        }
        set(0, v, null);
        pc++;
        return false;
    }

    // ---- calls

    private void call(int target) {
        if (depth + 1 >= MAX_FRAMES) {
            throw new Trap(VmFault.CALL_STACK_OVERFLOW, "the call nests deeper than " + MAX_FRAMES + " frames");
        }
        long[] saved = java.util.Arrays.copyOfRange(reg, 6, 11);
        Region[] savedTypes = java.util.Arrays.copyOfRange(type, 6, 11);
        frames[depth++] = new Frame(code, pc + 1, saved, savedTypes, stack);
        for (int r = 6; r <= 9; r++) {
            type[r] = Region.UNINIT;
        }
        type[0] = Region.UNINIT;
        stack = newStack(depth);
        pc = target;
    }

    private boolean exit() {
        if (type[0] == Region.UNINIT) {
            throw uninit(0);
        }
        if (depth == 0) {
            if (type[0] != null) {
                throw new Trap(VmFault.INVALID_PROGRAM, "the program returns a pointer to " + type[0].kind.text
                        + "; it must return a scalar");
            }
            return true;
        }
        Frame f = frames[--depth];
        frames[depth] = null;
        stack.valid = false;
        stack = f.stack();
        System.arraycopy(f.saved(), 0, reg, 6, 5);
        System.arraycopy(f.savedTypes(), 0, type, 6, 5);
        for (int r = 1; r <= 5; r++) {
            type[r] = Region.UNINIT;
        }
        code = f.code();
        pc = f.returnPc();
        return false;
    }

    /** {@code bpf_tail_call}'s jump: the current frame is replaced by {@code target}'s entry, r1 the context. */
    void tailCall(LoadedCode target) {
        stack.valid = false;
        java.util.Arrays.fill(type, Region.UNINIT);
        set(1, 0, ctxRegion);
        stack = newStack(depth);
        code = target;
        pc = 0;
    }
}
