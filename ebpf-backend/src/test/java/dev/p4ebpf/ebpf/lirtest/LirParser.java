package dev.p4ebpf.ebpf.lirtest;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.LBlock;
import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.LTerm;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.StackSlot;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the listing {@link LFunction#toString()} prints back into a function, so that tests can
 * write LIR as text and golden files stay readable. Slots get alignment 8 (the listing does not
 * show it); spans are {@link Span#NONE}. Test-only.
 */
public final class LirParser {
    private static final Pattern REG = Pattern.compile("%(\\d+)(?:\\.([A-Za-z0-9_.]*[A-Za-z0-9_]))?");
    private static final Pattern SLOT = Pattern.compile("\\$(\\d+)(?:\\.([A-Za-z0-9_.]*[A-Za-z0-9_]))?\\[(\\d+)]");
    private static final Pattern MEM = Pattern.compile("\\*\\((B|H|W|DW)\\)\\((\\S+) \\+ (-?\\d+)\\)");
    private static final Span S = Span.NONE;

    private final Map<Integer, StackSlot> slots = new LinkedHashMap<>();

    private LirParser() {}

    public static LFunction parse(String text) {
        return new LirParser().function(text);
    }

    private LFunction function(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        Matcher head = Pattern.compile("function (\\S+)\\[(.*)]").matcher(lines.getFirst());
        if (!head.matches()) {
            throw new IllegalArgumentException("not a function header: " + lines.getFirst());
        }
        List<VReg> params = head.group(2).isEmpty() ? List.of()
                : Arrays.stream(head.group(2).split(", ")).map(LirParser::reg).toList();
        List<LBlock> blocks = new ArrayList<>();
        int id = -1;
        List<LInsn> insns = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            if (l.matches("b\\d+:")) {
                id = Integer.parseInt(l.substring(1, l.length() - 1));
                insns = new ArrayList<>();
            } else if (l.startsWith("goto ") || l.startsWith("if ") || l.startsWith("return ")) {
                blocks.add(new LBlock(id, insns, term(l)));
            } else {
                insns.add(insn(l));
            }
        }
        return new LFunction(head.group(1), params, blocks, List.copyOf(slots.values()));
    }

    private static VReg reg(String s) {
        Matcher m = REG.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a register: " + s);
        }
        return new VReg(Integer.parseInt(m.group(1)), m.group(2) == null ? "" : m.group(2));
    }

    private static Operand operand(String s) {
        return s.startsWith("%") ? reg(s) : Operand.imm(Long.parseLong(s));
    }

    private StackSlot slot(String s) {
        Matcher m = SLOT.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a stack slot: " + s);
        }
        int id = Integer.parseInt(m.group(1));
        return slots.computeIfAbsent(id, k -> new StackSlot(id, Integer.parseInt(m.group(3)), 8,
                m.group(2) == null ? "" : m.group(2)));
    }

    private LTerm term(String l) {
        String[] w = l.split(" ");
        return switch (w[0]) {
            case "goto" -> new LTerm.Jump(block(w[1]), S);
            case "return" -> new LTerm.Return(operand(w[1]), S);
            default -> {
                boolean is32 = w[2].endsWith("32");
                JmpOp op = JmpOp.valueOf(w[2].replace("32", "").toUpperCase(Locale.ROOT));
                yield new LTerm.Branch(op, is32, reg(w[1]), operand(w[3]), block(w[5]), block(w[7]), S);
            }
        };
    }

    private static int block(String s) {
        return Integer.parseInt(s.substring(1));
    }

    private LInsn insn(String l) {
        if (l.startsWith("*(")) {
            int eq = l.indexOf(" = ");
            return store(l.substring(0, eq), operand(l.substring(eq + 3)));
        }
        if (l.startsWith("lock ")) {
            int eq = l.indexOf(" += ");
            Matcher m = mem(l.substring(5, eq));
            return new LInsn.AtomicAdd(Size.valueOf(m.group(1)), reg(m.group(2)), Integer.parseInt(m.group(3)),
                    reg(l.substring(eq + 4)), S);
        }
        if (l.startsWith("call ")) {
            return call(Optional.empty(), l.substring(5));
        }
        int eq = l.indexOf(" = ");
        VReg dst = reg(l.substring(0, eq));
        return definition(dst, l.substring(eq + 3));
    }

    private LInsn store(String target, Operand value) {
        Matcher m = mem(target);
        Size size = Size.valueOf(m.group(1));
        int off = Integer.parseInt(m.group(3));
        return m.group(2).startsWith("$") ? new LInsn.StoreStack(size, slot(m.group(2)), off, value, S)
                : new LInsn.Store(size, reg(m.group(2)), off, value, S);
    }

    private static Matcher mem(String s) {
        Matcher m = MEM.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a memory operand: " + s);
        }
        return m;
    }

    private LInsn definition(VReg dst, String rhs) {
        if (rhs.startsWith("*(")) {
            Matcher m = mem(rhs);
            Size size = Size.valueOf(m.group(1));
            int off = Integer.parseInt(m.group(3));
            return m.group(2).startsWith("$") ? new LInsn.LoadStack(size, dst, slot(m.group(2)), off, S)
                    : new LInsn.Load(size, dst, reg(m.group(2)), off, S);
        }
        if (rhs.startsWith("&")) {
            String[] w = rhs.substring(1).split(" \\+ ");
            return new LInsn.StackAddr(dst, slot(w[0]), Integer.parseInt(w[1]), S);
        }
        if (rhs.startsWith("map ")) {
            return new LInsn.LoadMap(dst, rhs.substring(4), S);
        }
        if (rhs.startsWith("call ")) {
            return call(Optional.of(dst), rhs.substring(5));
        }
        if (rhs.startsWith("-%") || rhs.startsWith("-32 ")) {
            boolean is32 = rhs.startsWith("-32 ");
            return new LInsn.Neg(is32, dst, reg(rhs.substring(is32 ? 4 : 1)), S);
        }
        String[] w = rhs.split(" ");
        if (w.length == 1) {
            return new LInsn.Mov(dst, operand(w[0]), S);
        }
        if (w[0].startsWith("sext")) {
            return new LInsn.SignExtend(Integer.parseInt(w[0].substring(4)), dst, reg(w[1]), S);
        }
        if (w[0].startsWith("bswap")) {
            return new LInsn.ByteSwap(Integer.parseInt(w[0].substring(5)), dst, reg(w[1]), S);
        }
        boolean is32 = w[1].endsWith("32");
        AluOp op = AluOp.valueOf(w[1].replace("32", "").toUpperCase(Locale.ROOT));
        return new LInsn.Alu(op, is32, dst, reg(w[0]), operand(w[2]), S);
    }

    private static LInsn call(Optional<VReg> result, String text) {
        int paren = text.indexOf('(');
        String name = text.substring(0, paren);
        String inside = text.substring(paren + 1, text.length() - 1);
        List<Operand> args = inside.isEmpty() ? List.of()
                : Arrays.stream(inside.split(", ")).map(LirParser::operand).toList();
        Optional<Helper> helper = Arrays.stream(Helper.values())
                .filter(h -> h.name().equals(name.toUpperCase(Locale.ROOT))).findFirst();
        return helper.<LInsn>map(h -> new LInsn.CallHelper(h, args, result, S))
                .orElseGet(() -> new LInsn.CallLocal(name, args, result, S));
    }
}
