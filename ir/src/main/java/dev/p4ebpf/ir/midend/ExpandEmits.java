package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands {@code packet.emit(x)} of a struct, header union or header stack into one {@code emit}
 * per header inside it, in field and element order — what emitting the aggregate means. Afterwards
 * every {@code emit} emits one header.
 */
public final class ExpandEmits implements Pass {
    @Override
    public String name() {
        return "expand-emits";
    }

    @Override
    public String summary() {
        return "emit of a struct, union or stack becomes one emit per header, in order";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        return new IrRewriter() {
            @Override
            public List<Stmt> stmt(Stmt s) {
                if (s instanceof Stmt.CallStmt c && c.call() instanceof Call.MethodCall m && isEmit(m)
                        && m.args().size() == 1 && m.args().getFirst().value().isPresent()
                        && !(Types.rep(m.args().getFirst().expr().type()) instanceof Type.Header)) {
                    var out = new ArrayList<Stmt>();
                    Arg a = m.args().getFirst();
                    expand(a.expr(), leaf -> out.add(new Stmt.CallStmt(new Call.MethodCall(m.target(), m.method(),
                            List.of(leaf.type()), List.of(Arg.of(a.param().withType(leaf.type()), leaf)), Type.VOID,
                            m.span()), c.span())));
                    return out;
                }
                return super.stmt(s);
            }
        }.program(program);
    }

    static boolean isEmit(Call.MethodCall m) {
        return m.method().name().equals("emit") && m.target().type() instanceof Type.Extern e
                && e.name().equals("packet_out");
    }

    private static void expand(Expr e, java.util.function.Consumer<Expr> leaf) {
        Type t = Types.rep(e.type());
        if (t instanceof Type.Header) {
            leaf.accept(e);
        } else if (t instanceof Type.Struct s) {
            for (int i = 0; i < s.fields().size(); i++) {
                Type.Field f = s.fields().get(i);
                expand(e instanceof Expr.StructValue v ? v.fields().get(i)
                        : new Expr.Member(e, f.name(), f.type(), e.span()), leaf);
            }
        } else if (t instanceof Type.HeaderUnion u) {
            for (Type.Field f : u.fields()) {
                expand(new Expr.Member(e, f.name(), f.type(), e.span()), leaf);
            }
        } else if (t instanceof Type.Stack st) {
            for (int i = 0; i < st.size(); i++) {
                var index = new Expr.IntLit(BigInteger.valueOf(i), Type.Bits.unsigned(32), e.span());
                expand(new Expr.StackElement(e, index, st.element(), e.span()), leaf);
            }
        }
    }
}
