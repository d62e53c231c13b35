package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ==} on aggregates: equal when every scalar inside is equal; two headers are equal when both
 * are invalid, or both valid with equal fields (spec 8.16).
 */
final class Equality {
    private Equality() {}

    static Conditions.Cond of(Lowering lo, Loc a, Loc b, Span at) {
        return (t, f) -> Exprs.rethrow(() -> emit(lo, a, b, t, f, at));
    }

    private static void emit(Lowering lo, Loc a, Loc b, int t, int f, Span at) throws Unsupported {
        Gen g = lo.g;
        if (dev.p4ebpf.ir.Types.representation(a.type()) instanceof dev.p4ebpf.ir.Type.Varbit) {
            throw Exprs.varbitValue(at);
        }
        if (Scalars.isWide(a.type())) {
            lo.wide.ops().equal(lo.readWide(a, at), lo.readWide(b, at), t, f, at);
            return;
        }
        if (Scalars.isScalar(a.type())) {
            VReg x = lo.read(a, at);
            VReg y = lo.read(b, at);
            g.branch(JmpOp.JEQ, x, y, t, f, at);
            return;
        }
        switch (a) {
            case Loc.Header h -> headers(lo, h.valid(), b, fields(a), fields(b), t, f, at);
            case Loc.PacketHeader p -> headers(lo, p.valid(), b, fields(a), fields(b), t, f, at);
            default -> all(lo, children(a), children(b), t, f, at);
        }
    }

    private static void headers(Lowering lo, VReg validA, Loc b, List<Loc> fa, List<Loc> fb, int t, int f, Span at)
            throws Unsupported {
        Gen g = lo.g;
        VReg validB = switch (b) {
            case Loc.Header h -> h.valid();
            case Loc.PacketHeader p -> p.valid();
            default -> throw new IllegalStateException("header compared with " + b);
        };
        int sameValidity = g.block();
        g.branch(JmpOp.JEQ, validA, validB, sameValidity, f, at);
        g.enter(sameValidity);
        int compareFields = g.block();
        g.branch(JmpOp.JEQ, validA, Operand.imm(0), t, compareFields, at);
        g.enter(compareFields);
        all(lo, fa, fb, t, f, at);
    }

    private static void all(Lowering lo, List<Loc> as, List<Loc> bs, int t, int f, Span at) throws Unsupported {
        if (as.isEmpty()) {
            lo.g.jump(t, at);
            return;
        }
        for (int i = 0; i < as.size(); i++) {
            int next = i + 1 < as.size() ? lo.g.block() : t;
            emit(lo, as.get(i), bs.get(i), next, f, at);
            if (next != t) {
                lo.g.enter(next);
            }
        }
    }

    private static List<Loc> fields(Loc l) {
        return switch (l) {
            case Loc.Header h -> new ArrayList<>(h.fields().values());
            case Loc.PacketHeader p -> p.layout().fields().stream().map(fl -> (Loc) new Loc.PacketField(p, fl)).toList();
            default -> throw new IllegalStateException("fields of " + l);
        };
    }

    private static List<Loc> children(Loc l) {
        return switch (l) {
            case Loc.Struct s -> new ArrayList<>(s.fields().values());
            case Loc.Stack s -> s.elements();
            case Loc.Tuple t -> t.elements();
            case Loc.Union u -> new ArrayList<>(u.members().values());
            default -> throw new IllegalStateException("children of " + l);
        };
    }
}
