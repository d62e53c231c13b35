package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.Types;
import dev.p4ebpf.ir.interp.Nodes.ExprNode;
import dev.p4ebpf.ir.interp.value.FieldedValue;
import dev.p4ebpf.ir.interp.value.HeaderValue;
import dev.p4ebpf.ir.interp.value.StackValue;
import dev.p4ebpf.ir.interp.value.TupleValue;
import dev.p4ebpf.ir.interp.value.UnionValue;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles the data argument of hash and checksum externs into the list of scalar fields it
 * stands for, as BMv2 builds its field lists: list and struct expressions and struct values
 * contribute their fields in order, a header its fields when it is valid and nothing when it is
 * not, and a field of an invalid header nothing either.
 */
final class FieldListCompiler {
    private final Machine machine;

    FieldListCompiler(Machine machine) {
        this.machine = machine;
    }

    /** A compiled field list. */
    @FunctionalInterface
    interface FieldListNode {
        void collect(Frame f, List<Value> out);

        default List<Value> values(Frame f) {
            List<Value> out = new ArrayList<>(16);
            collect(f, out);
            return out;
        }
    }

    FieldListNode compile(Expr e, Scope s) {
        return switch (e) {
            case Expr.TupleValue t -> all(t.elements(), s);
            case Expr.StructValue sv -> all(sv.fields(), s);
            case Expr.Cast c when c.operand() instanceof Expr.TupleValue || c.operand() instanceof Expr.StructValue ->
                    compile(c.operand(), s);
            case Expr.Member m when Types.representation(s.resolve(m.base().type())) instanceof Type.Header h -> {
                ExprNode base = machine.compiler.exprs.compile(m.base(), s);
                int i = h.fieldIndex(m.field());
                yield (f, out) -> {
                    HeaderValue hv = (HeaderValue) base.eval(f);
                    if (hv.isValid()) {
                        value(hv.get(i), out);
                    }
                };
            }
            default -> {
                ExprNode n = machine.compiler.exprs.compile(e, s);
                yield (f, out) -> value(n.eval(f), out);
            }
        };
    }

    private FieldListNode all(List<Expr> es, Scope s) {
        FieldListNode[] parts = es.stream().map(x -> compile(x, s)).toArray(FieldListNode[]::new);
        return (f, out) -> {
            for (FieldListNode p : parts) {
                p.collect(f, out);
            }
        };
    }

    private static void value(Value v, List<Value> out) {
        switch (v) {
            case HeaderValue h -> {
                if (h.isValid()) {
                    fields(h, out);
                }
            }
            case FieldedValue fv -> fields(fv, out);
            case UnionValue u -> {
                for (int i = 0; i < u.size(); i++) {
                    value(u.member(i), out);
                }
            }
            case StackValue st -> {
                for (int i = 0; i < st.size(); i++) {
                    value(st.element(i), out);
                }
            }
            case TupleValue t -> {
                for (int i = 0; i < t.size(); i++) {
                    value(t.get(i), out);
                }
            }
            default -> out.add(v);
        }
    }

    private static void fields(FieldedValue fv, List<Value> out) {
        for (int i = 0; i < fv.size(); i++) {
            value(fv.get(i), out);
        }
    }
}
