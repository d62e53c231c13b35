package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;

/**
 * Calls that compute values or act on headers: isValid/setValid/setInvalid, the checksum and time
 * externs of ebpf_model.p4 and xdp_model.p4, packet_in's lookahead and length, table applies,
 * and counter methods.
 */
final class Calls {
    private final Lowering lo;
    private final Gen g;

    Calls(Lowering lo) {
        this.lo = lo;
        this.g = lo.g;
    }

    /** A call used for its value. */
    VReg value(Call c) throws Unsupported {
        Span at = c.span();
        return switch (c) {
            case Call.BuiltinCall b when b.builtin() == Call.Builtin.IS_VALID -> valid(lo.loc(b.target()), at);
            case Call.ExternFunctionCall f -> externFunction(f);
            case Call.MethodCall m -> method(m);
            case Call.TableApply t -> throw new IllegalStateException("table result used as a scalar");
            default -> throw new Unsupported(describe(c), "the midend inlines such calls; compile the program through the whole midend (p4ebpf compile does)", at);
        };
    }

    /** A call used as a statement. */
    void statement(Call c) throws Unsupported {
        Span at = c.span();
        switch (c) {
            case Call.BuiltinCall b -> builtin(b);
            case Call.TableApply t -> lo.tables.apply(t.table(), at);
            case Call.MethodCall m -> method(m);
            case Call.ExternFunctionCall f -> externFunction(f);
            default -> throw new Unsupported(describe(c), "the midend inlines such calls; compile the program through the whole midend (p4ebpf compile does)", at);
        }
    }

    private static String describe(Call c) {
        return switch (c) {
            case Call.ActionCall a -> "call of action " + a.action();
            case Call.FunctionCall f -> "call of function " + f.function();
            case Call.ApplyCall a -> "apply of a parser or control instance";
            case Call.ConstructorCall k -> "an instantiation";
            default -> "this call";
        };
    }

    VReg valid(Loc l, Span at) {
        return switch (l) {
            case Loc.Header h -> h.valid();
            case Loc.PacketHeader p -> p.valid();
            case Loc.Union u -> {
                VReg any = g.imm(0, at);
                for (Loc m : u.members().values()) {
                    any = g.alu(AluOp.OR, any, valid(m, at), at);
                }
                yield any;
            }
            default -> throw new IllegalStateException("isValid of " + l);
        };
    }

    private void builtin(Call.BuiltinCall b) throws Unsupported {
        Span at = b.span();
        Loc target = lo.loc(b.target());
        switch (b.builtin()) {
            case IS_VALID -> { }
            case SET_VALID -> {
                setValidity(target, true, at);
                lo.unionMemberWritten(b.target(), at);
            }
            case SET_INVALID -> setValidity(target, false, at);
            case PUSH_FRONT, POP_FRONT -> shiftStack((Loc.Stack) target,
                    ((Expr.IntLit) b.args().getFirst().expr()).value().intValueExact(), b.builtin() == Call.Builtin.PUSH_FRONT,
                    at);
        }
    }

    private void setValidity(Loc target, boolean valid, Span at) throws Unsupported {
        switch (target) {
            case Loc.Header h -> g.set(h.valid(), Operand.imm(valid ? 1 : 0), at);
            case Loc.PacketHeader p when !valid -> g.set(p.valid(), Operand.imm(0), at);
            case Loc.PacketHeader p -> throw new IllegalStateException("setValid on a header kept in the packet");
            default -> throw new IllegalStateException("setValid of " + target);
        }
    }

    /** push_front(n) moves elements up by n (the first n become invalid); pop_front(n) moves them down. */
    private void shiftStack(Loc.Stack s, int n, boolean push, Span at) throws Unsupported {
        List<Loc> e = s.elements();
        int size = e.size();
        if (push) {
            for (int i = size - 1; i >= 0; i--) {
                if (i - n >= 0) {
                    lo.copy(e.get(i), e.get(i - n), at);
                } else {
                    lo.invalidate(e.get(i), at);
                }
            }
            VReg next = g.alu(AluOp.ADD, s.next(), n, at);
            g.set(s.next(), clamp(next, size, at), at);
        } else {
            for (int i = 0; i < size; i++) {
                if (i + n < size) {
                    lo.copy(e.get(i), e.get(i + n), at);
                } else {
                    lo.invalidate(e.get(i), at);
                }
            }
            VReg r = g.reg("next");
            int under = g.block();
            int over = g.block();
            int join = g.block();
            g.branch(JmpOp.JLT, s.next(), Operand.imm(n), under, over, at);
            g.enter(under);
            g.set(r, Operand.imm(0), at);
            g.jump(join, at);
            g.enter(over);
            g.set(r, g.alu(AluOp.SUB, s.next(), n, at), at);
            g.jump(join, at);
            g.enter(join);
            g.set(s.next(), r, at);
        }
    }

    private VReg clamp(VReg v, int max, Span at) {
        VReg r = g.reg("clamp");
        int big = g.block();
        int ok = g.block();
        int join = g.block();
        g.branch(JmpOp.JGT, v, Operand.imm(max), big, ok, at);
        g.enter(big);
        g.set(r, Operand.imm(max), at);
        g.jump(join, at);
        g.enter(ok);
        g.set(r, v, at);
        g.jump(join, at);
        g.enter(join);
        return r;
    }

    private VReg externFunction(Call.ExternFunctionCall f) throws Unsupported {
        Span at = f.span();
        List<Arg> args = f.args();
        return switch (f.method().name()) {
            case "csum_replace2" -> Checksums.replace(g, lo.exprs.value(args.get(0).expr()), lo.exprs.value(args.get(1).expr()),
                    lo.exprs.value(args.get(2).expr()), 16, at);
            case "csum_replace4" -> Checksums.replace(g, lo.exprs.value(args.get(0).expr()), lo.exprs.value(args.get(1).expr()),
                    lo.exprs.value(args.get(2).expr()), 32, at);
            case "ebpf_ipv4_checksum" -> ipv4Checksum(args, at);
            case "BPF_KTIME_GET_NS" -> g.truncate(g.call(Helper.KTIME_GET_NS, List.of(), at), 32, at);
            case "verify" -> {
                lo.extraction.verify(args.get(0).expr(), args.get(1).expr(), at);
                yield g.imm(0, at);
            }
            default -> throw new Unsupported("extern function " + f.method().name(),
                    "the eBPF backend implements the externs of ebpf_model.p4, xdp_model.p4 and core.p4; use one of those"
                            + " or write the computation in P4", at);
        };
    }

    private VReg ipv4Checksum(List<Arg> args, Span at) throws Unsupported {
        // the header's 16-bit words, with the checksum word taken as zero
        VReg version = lo.exprs.value(args.get(0).expr());
        VReg ihl = lo.exprs.value(args.get(1).expr());
        VReg diffserv = lo.exprs.value(args.get(2).expr());
        VReg w0 = g.alu(AluOp.OR, g.alu(AluOp.OR, g.alu(AluOp.LSH, version, 12, at), g.alu(AluOp.LSH, ihl, 8, at), at),
                diffserv, at);
        VReg totalLen = lo.exprs.value(args.get(3).expr());
        VReg id = lo.exprs.value(args.get(4).expr());
        VReg w3 = g.alu(AluOp.OR, g.alu(AluOp.LSH, lo.exprs.value(args.get(5).expr()), 13, at),
                lo.exprs.value(args.get(6).expr()), at);
        VReg w4 = g.alu(AluOp.OR, g.alu(AluOp.LSH, lo.exprs.value(args.get(7).expr()), 8, at),
                lo.exprs.value(args.get(8).expr()), at);
        VReg src = lo.exprs.value(args.get(9).expr());
        VReg dst = lo.exprs.value(args.get(10).expr());
        VReg sum = g.alu(AluOp.ADD, w0, totalLen, at);
        sum = g.alu(AluOp.ADD, sum, id, at);
        sum = g.alu(AluOp.ADD, sum, w3, at);
        sum = g.alu(AluOp.ADD, sum, w4, at);
        sum = g.alu(AluOp.ADD, sum, g.alu(AluOp.RSH, src, 16, at), at);
        sum = g.alu(AluOp.ADD, sum, g.alu(AluOp.AND, src, 0xffff, at), at);
        sum = g.alu(AluOp.ADD, sum, g.alu(AluOp.RSH, dst, 16, at), at);
        sum = g.alu(AluOp.ADD, sum, g.alu(AluOp.AND, dst, 0xffff, at), at);
        return g.truncate(g.alu(AluOp.XOR, Checksums.fold(g, sum, at), 0xffff, at), 16, at);
    }

    private VReg method(Call.MethodCall m) throws Unsupported {
        Span at = m.span();
        String extern = m.externName();
        return switch (extern + "." + m.method().name()) {
            case "packet_in.extract" -> {
                lo.extraction.extract(m);
                yield g.imm(0, at);
            }
            case "packet_in.lookahead" -> lo.extraction.lookahead(m);
            case "packet_in.advance" -> {
                lo.extraction.advance(m.args().getFirst().expr(), at);
                yield g.imm(0, at);
            }
            case "packet_in.length" -> lo.extraction.length(at);
            case "packet_out.emit" -> {
                lo.emits.emit(m);
                yield g.imm(0, at);
            }
            case "CounterArray.increment", "CounterArray.add" -> {
                lo.tables.counter(m);
                yield g.imm(0, at);
            }
            default -> throw new Unsupported("method " + m.method().name() + " of " + extern,
                    "the eBPF backend implements the externs of ebpf_model.p4, xdp_model.p4 and core.p4; use one of those"
                            + " or write the computation in P4", at);
        };
    }

    static boolean isVoid(Call c) {
        return c.type() instanceof Type.Void;
    }
}
