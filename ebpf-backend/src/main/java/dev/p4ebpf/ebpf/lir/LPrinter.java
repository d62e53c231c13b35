package dev.p4ebpf.ebpf.lir;

import java.util.stream.Collectors;

/** LIR as text: {@code %3 = %1 + 14}, {@code if %4 > %2 goto b7 else b8}. */
public final class LPrinter {
    private LPrinter() {}

    public static String insn(LInsn i) {
        return switch (i) {
            case LInsn.Mov m -> m.dst() + " = " + m.src();
            case LInsn.Alu a -> a.dst() + " = " + a.a() + " " + a.op().name().toLowerCase() + (a.is32() ? "32 " : " ") + a.b();
            case LInsn.Neg n -> n.dst() + " = -" + (n.is32() ? "32 " : "") + n.src();
            case LInsn.SignExtend s -> s.dst() + " = sext" + s.bits() + " " + s.src();
            case LInsn.ByteSwap b -> b.dst() + " = bswap" + b.bits() + " " + b.src();
            case LInsn.Load l -> l.dst() + " = *(" + l.size() + ")(" + l.base() + " + " + l.offset() + ")";
            case LInsn.Store s -> "*(" + s.size() + ")(" + s.base() + " + " + s.offset() + ") = " + s.value();
            case LInsn.AtomicAdd a -> "lock *(" + a.size() + ")(" + a.base() + " + " + a.offset() + ") += " + a.value();
            case LInsn.StackAddr s -> s.dst() + " = &" + s.slot() + " + " + s.offset();
            case LInsn.LoadStack l -> l.dst() + " = *(" + l.size() + ")(" + l.slot() + " + " + l.offset() + ")";
            case LInsn.StoreStack s -> "*(" + s.size() + ")(" + s.slot() + " + " + s.offset() + ") = " + s.value();
            case LInsn.LoadMap m -> m.dst() + " = map " + m.map();
            case LInsn.CallHelper c -> c.result().map(r -> r + " = ").orElse("") + "call " + c.helper().name().toLowerCase()
                    + c.args().stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
            case LInsn.CallLocal c -> c.result().map(r -> r + " = ").orElse("") + "call " + c.function()
                    + c.args().stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
        };
    }

    public static String term(LTerm t) {
        return switch (t) {
            case LTerm.Jump j -> "goto b" + j.target();
            case LTerm.Branch b -> "if " + b.a() + " " + b.cond().name().toLowerCase() + (b.is32() ? "32 " : " ") + b.b()
                    + " goto b" + b.ifTrue() + " else b" + b.ifFalse();
            case LTerm.Return r -> "return " + r.value();
        };
    }
}
