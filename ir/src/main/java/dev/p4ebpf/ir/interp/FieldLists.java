package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.interp.value.FieldedValue;
import dev.p4ebpf.ir.interp.value.HeaderValue;
import dev.p4ebpf.ir.interp.value.StackValue;
import dev.p4ebpf.ir.interp.value.TupleValue;
import dev.p4ebpf.ir.interp.value.UnionValue;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Flattens the data argument of hash and checksum externs into the list of scalar fields it
 * stands for, as BMv2 builds its field lists: list and struct expressions and struct values
 * contribute their fields in order, a header its fields when it is valid and nothing when it is
 * not, and a field of an invalid header nothing either.
 */
final class FieldLists {
    private final Machine machine;

    FieldLists(Machine machine) {
        this.machine = machine;
    }

    List<Value> flatten(Expr e, Env env) {
        List<Value> out = new ArrayList<>();
        expr(e, env, out);
        return out;
    }

    private void expr(Expr e, Env env, List<Value> out) {
        switch (e) {
            case Expr.TupleValue t -> t.elements().forEach(x -> expr(x, env, out));
            case Expr.StructValue s -> s.fields().forEach(x -> expr(x, env, out));
            case Expr.Cast c when c.operand() instanceof Expr.TupleValue || c.operand() instanceof Expr.StructValue ->
                    expr(c.operand(), env, out);
            case Expr.Member m -> {
                Value base = machine.eval.eval(m.base(), env);
                if (base instanceof HeaderValue h && !h.isValid()) {
                    return;
                }
                value(Evaluator.member(base, m), out);
            }
            default -> value(machine.eval.eval(e, env), out);
        }
    }

    private static void value(Value v, List<Value> out) {
        switch (v) {
            case HeaderValue h -> {
                if (h.isValid()) {
                    fields(h, out);
                }
            }
            case FieldedValue f -> fields(f, out);
            case UnionValue u -> {
                for (int i = 0; i < u.size(); i++) {
                    value(u.member(i), out);
                }
            }
            case StackValue s -> {
                for (int i = 0; i < s.size(); i++) {
                    value(s.element(i), out);
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

    private static void fields(FieldedValue f, List<Value> out) {
        for (int i = 0; i < f.size(); i++) {
            value(f.get(i), out);
        }
    }
}
