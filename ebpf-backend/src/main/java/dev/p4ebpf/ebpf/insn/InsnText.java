package dev.p4ebpf.ebpf.insn;

/**
 * The text of one instruction in the syntax {@code llvm-objdump -d --mcpu=v4} prints for BPF
 * (the same C-like syntax the kernel verifier log uses, with hexadecimal numbers). Jump targets are
 * printed as llvm prints them, relative ({@code goto +0x3}); symbolic targets not yet encoded print
 * as {@code goto <label>}.
 *
 * <p>Documented differences from llvm-objdump 19: an {@code LD_IND} with a non-zero immediate prints
 * {@code skb[r1 + 0x8]} where llvm drops the immediate; a symbolic map load prints
 * {@code r1 = map[name] ll}, a symbolic call {@code call <name>} (llvm shows the relocated raw bytes
 * instead, which is what a decoded, unresolved instruction prints).
 */
public final class InsnText {
    private InsnText() {
    }

    /** The instruction's text, with its target shown as {@code targetText} when it has one. */
    public static String of(Insn insn) {
        return switch (insn) {
            case Insn.Arith a -> arith(a);
            case Insn.Endian e -> "r%d = %s%d r%d".formatted(e.dst().number(), e.order().mnemonic(), e.bits(), e.dst().number());
            case Insn.Branch b -> "if %s %s %s goto %s".formatted(b.dst().name(!b.jmp32()), b.op().operator(),
                    src(b.src(), !b.jmp32()), target(b.target()));
            case Insn.Goto g -> (g.wide() ? "gotol " : "goto ") + target(g.target());
            case Insn.CallHelper c -> "call " + hex(c.id());
            case Insn.CallLocal c -> "call " + (c.target() instanceof Offset(int d) ? hex(d) : target(c.target()));
            case Insn.CallKfunc k -> "call " + hex(k.btfId());
            case Insn.Exit x -> "exit";
            case Insn.Load l -> "%s = *(%s *)%s".formatted(l.dst().name(l.signExtend() || l.size() == Size.DW),
                    l.size().cType(l.signExtend()), mem(l.src(), l.off()));
            case Insn.Store s -> "*(%s *)%s = %s".formatted(s.size().cType(false), mem(s.dst(), s.off()),
                    src(s.src(), s.size() == Size.DW));
            case Insn.Atomic a -> atomic(a);
            case Insn.LoadImm64 l -> imm64(l);
            case Insn.LoadAbs l -> "r0 = *(%s *)skb[%s]".formatted(l.size().cType(false), hex(l.imm()));
            case Insn.LoadInd l -> "r0 = *(%s *)skb[%s%s]".formatted(l.size().cType(false), l.src().name(true),
                    l.imm() == 0 ? "" : (l.imm() < 0 ? " - " : " + ") + hex(Math.abs((long) l.imm())));
        };
    }

    private static String arith(Insn.Arith a) {
        String dst = a.dst().name(a.wide());
        return switch (a.op()) {
            case NEG -> dst + " = -" + dst;
            case MOVSX8, MOVSX16, MOVSX32 -> "%s = (s%d)%s".formatted(dst, a.op().off(), ((Reg) a.src()).name(a.wide()));
            default -> dst + " " + a.op().operator() + " " + src(a.src(), a.wide());
        };
    }

    private static String atomic(Insn.Atomic a) {
        boolean wide = a.size() == Size.DW;
        String src = a.src().name(wide);
        String type = a.size().cType(false);
        String addr = "%s %s 0x%x".formatted(a.dst().name(true), a.off() < 0 ? "-" : "+", Math.abs(a.off()));
        return switch (a.op()) {
            case ADD, OR, AND, XOR -> "lock *(%s *)(%s) %s %s".formatted(type, addr, a.op().mnemonic(), src);
            case FETCH_ADD, FETCH_OR, FETCH_AND, FETCH_XOR ->
                    "%s = atomic_fetch_%s((%s *)(%s), %s)".formatted(src, a.op().mnemonic(), type, addr, src);
            case XCHG -> "%s = xchg%s(%s, %s)".formatted(src, wide ? "_64" : "32_32", addr, src);
            case CMPXCHG -> "%s = cmpxchg%s(%s, %s, %s)".formatted(Reg.R0.name(wide), wide ? "_64" : "32_32", addr,
                    Reg.R0.name(wide), src);
        };
    }

    private static String imm64(Insn.LoadImm64 l) {
        String dst = l.dst().name(true);
        return switch (l.value()) {
            case Imm64.Const c -> dst + " = " + hex(c.value()) + " ll";
            case Imm64.Map m -> dst + " = map[" + m.name() + "] ll";
            case Imm64.MapValue m -> dst + " = map_value[" + m.name() + "] + " + hex(m.offset()) + " ll";
            case Imm64.Func f -> f.target() instanceof Offset(int d)
                    ? "ld_pseudo\t%s, %s, %s".formatted(dst, hex(PseudoSrc.FUNC.code()), hex(d))
                    : dst + " = func " + target(f.target()) + " ll";
            case Imm64.Pseudo p -> "ld_pseudo\t%s, %s, %s".formatted(dst, hex(p.kind().code()), hex(p.imm()));
        };
    }

    private static String mem(Reg base, int off) {
        return "(%s %s 0x%x)".formatted(base.name(true), off < 0 ? "-" : "+", Math.abs(off));
    }

    private static String src(Src src, boolean wide) {
        return switch (src) {
            case Reg r -> r.name(wide);
            case Imm(int v) -> hex(v);
        };
    }

    private static String target(Target t) {
        return switch (t) {
            case Offset(int d) -> (d < 0 ? "-0x" : "+0x") + Long.toHexString(Math.abs((long) d));
            case Label l -> "<" + l.name() + ">";
        };
    }

    /** Signed hexadecimal as llvm prints immediates: {@code 0x16}, {@code -0x5}. */
    static String hex(long v) {
        if (v == Long.MIN_VALUE) {
            return "-0x8000000000000000";
        }
        return (v < 0 ? "-0x" : "0x") + Long.toHexString(Math.abs(v));
    }
}
