package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.pass.FreshNames;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Breaks assignments of aggregates into assignments of their parts: a struct field by field
 * (recursively), a header union and a stack member by member, a header value {@code {f = e, …}}
 * into {@code setValid()} and its fields, {@code {#}} into {@code setInvalid()}. Afterwards an
 * assignment writes a scalar, or copies one header to another. When a struct or header value reads
 * what it is assigned to, it is built in a temporary first. {@code ==} and {@code !=} on aggregates
 * become the comparisons of their parts (two headers are equal when both are invalid, or both
 * valid with equal fields).
 */
public final class FlattenStructAssignments implements Pass {
    @Override
    public String name() {
        return "flatten-struct-assignments";
    }

    @Override
    public String summary() {
        return "assign structs, unions and stacks field by field; expand aggregate comparisons";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var names = FreshNames.of(program);
        return new IrRewriter() {
            @Override
            public List<Stmt> stmt(Stmt s) {
                Stmt r = super.stmt(s).getFirst();
                if (r instanceof Stmt.Assign a && isAggregate(a.target().type())) {
                    return assign(a.target(), a.value(), names, frame());
                }
                if (r instanceof Stmt.VarDecl v && v.init().isPresent() && isAggregate(v.type())) {
                    var out = new ArrayList<Stmt>();
                    out.add(new Stmt.VarDecl(v.name(), v.type(), Optional.empty(), v.annotations(), v.span()));
                    out.addAll(assign(new Expr.Var(v.name(), v.type(), frame(), v.span()), v.init().get(), names,
                            frame()));
                    return out;
                }
                return List.of(r);
            }

            @Override
            public Expr expr(Expr e) {
                Expr r = super.expr(e);
                if (r instanceof Expr.Binary b && (b.op() == Expr.BinOp.EQ || b.op() == Expr.BinOp.NE)
                        && isAggregate(b.left().type())) {
                    Expr eq = Folding.fold(equal(b.left(), b.right()));
                    return b.op() == Expr.BinOp.EQ ? eq : Folding.fold(Exprs.not(eq));
                }
                return r;
            }
        }.program(program);
    }

    private static boolean isAggregate(Type t) {
        Type r = Types.rep(t);
        return r instanceof Type.Struct || r instanceof Type.HeaderUnion || r instanceof Type.Stack
                || r instanceof Type.Header;
    }

    /** The statements assigning {@code value} to {@code target}, part by part. */
    static List<Stmt> assign(Expr target, Expr value, FreshNames names, Expr.Frame frame) {
        var out = new ArrayList<Stmt>();
        if (value instanceof Call) {
            out.add(new Stmt.Assign(target, value, target.span()));
            return out;
        }
        if ((value instanceof Expr.StructValue || value instanceof Expr.TupleValue || value instanceof Expr.Mux)
                && readsTarget(value, target)) {
            String t = names.fresh("tmp");
            var tmp = new Expr.Var(t, target.type(), frame, target.span());
            out.add(new Stmt.VarDecl(t, target.type(), Optional.empty(), List.of(), target.span()));
            parts(tmp, value, out);
            parts(target, tmp, out);
            return out;
        }
        parts(target, value, out);
        return out;
    }

    private static boolean readsTarget(Expr v, Expr target) {
        Optional<Expr.Var> root = Exprs.root(target);
        return root.isEmpty() || Paths.mentions(v, root.get().name(), root.get().frame());
    }

    private static void parts(Expr target, Expr value, List<Stmt> out) {
        Type t = Types.rep(target.type());
        if (value instanceof Expr.Mux m) {
            var then = new ArrayList<Stmt>();
            parts(target, m.ifTrue(), then);
            var otherwise = new ArrayList<Stmt>();
            parts(target, m.ifFalse(), otherwise);
            out.add(new Stmt.If(m.condition(), Stmt.Block.of(then, m.span()),
                    Optional.of(Stmt.Block.of(otherwise, m.span())), m.span()));
        } else if (t instanceof Type.Header h) {
            header(target, h, value, out);
        } else if (t instanceof Type.Struct s) {
            for (int i = 0; i < s.fields().size(); i++) {
                Type.Field f = s.fields().get(i);
                parts(member(target, f), value instanceof Expr.StructValue sv ? sv.fields().get(i) : member(value, f), out);
            }
        } else if (t instanceof Type.HeaderUnion u) {
            for (Type.Field f : u.fields()) {
                parts(member(target, f), value instanceof Expr.InvalidHeader ? new Expr.InvalidHeader(f.type(),
                        value.span()) : member(value, f), out);
            }
        } else if (t instanceof Type.Stack st) {
            for (int i = 0; i < st.size(); i++) {
                parts(element(target, st, i), value instanceof Expr.TupleValue tv ? tv.elements().get(i)
                        : value instanceof Expr.InvalidHeader ? new Expr.InvalidHeader(st.element(), value.span())
                        : element(value, st, i), out);
            }
        } else {
            out.add(new Stmt.Assign(target, value, target.span()));
        }
    }

    private static void header(Expr target, Type.Header h, Expr value, List<Stmt> out) {
        if (value instanceof Expr.InvalidHeader) {
            out.add(builtin(target, Call.Builtin.SET_INVALID));
        } else if (value instanceof Expr.StructValue sv) {
            out.add(builtin(target, Call.Builtin.SET_VALID));
            for (int i = 0; i < h.fields().size(); i++) {
                parts(member(target, h.fields().get(i)), sv.fields().get(i), out);
            }
        } else {
            out.add(new Stmt.Assign(target, value, target.span()));
        }
    }

    private static Stmt builtin(Expr target, Call.Builtin b) {
        return new Stmt.CallStmt(new Call.BuiltinCall(target, b, List.of(), Type.VOID, target.span()), target.span());
    }

    private static Expr member(Expr base, Type.Field f) {
        return new Expr.Member(base, f.name(), f.type(), base.span());
    }

    private static Expr element(Expr stack, Type.Stack st, int i) {
        var index = new Expr.IntLit(BigInteger.valueOf(i), Type.Bits.unsigned(32), stack.span());
        return new Expr.StackElement(stack, index, st.element(), stack.span());
    }

    /** Whether two aggregates are equal, as a condition on their parts. */
    private static Expr equal(Expr a, Expr b) {
        Type t = Types.rep(a.type());
        if (t instanceof Type.Struct s) {
            Expr all = null;
            for (int i = 0; i < s.fields().size(); i++) {
                Type.Field f = s.fields().get(i);
                Expr e = equal(part(a, f, i), part(b, f, i));
                all = all == null ? e : and(all, e);
            }
            return all == null ? Exprs.bool(true) : all;
        }
        if (t instanceof Type.Header h) {
            Expr va = isValid(a);
            Expr vb = isValid(b);
            Expr fields = null;
            for (int i = 0; i < h.fields().size(); i++) {
                Type.Field f = h.fields().get(i);
                Expr e = new Expr.Binary(Expr.BinOp.EQ, part(a, f, i), part(b, f, i), Type.BOOL, a.span());
                fields = fields == null ? e : and(fields, e);
            }
            Expr sameValidity = new Expr.Binary(Expr.BinOp.EQ, va, vb, Type.BOOL, a.span());
            return fields == null ? sameValidity : and(sameValidity, new Expr.Binary(Expr.BinOp.LOR, Exprs.not(va),
                    fields, Type.BOOL, a.span()));
        }
        if (t instanceof Type.HeaderUnion u) {
            Expr all = null;
            for (int i = 0; i < u.fields().size(); i++) {
                Type.Field f = u.fields().get(i);
                Expr e = equal(member(a, f), member(b, f));
                all = all == null ? e : and(all, e);
            }
            return all == null ? Exprs.bool(true) : all;
        }
        if (t instanceof Type.Stack st) {
            Expr all = null;
            for (int i = 0; i < st.size(); i++) {
                Expr e = equal(element(a, st, i), element(b, st, i));
                all = all == null ? e : and(all, e);
            }
            return all == null ? Exprs.bool(true) : all;
        }
        return new Expr.Binary(Expr.BinOp.EQ, a, b, Type.BOOL, a.span());
    }

    private static Expr part(Expr e, Type.Field f, int i) {
        return e instanceof Expr.StructValue sv ? sv.fields().get(i) : member(e, f);
    }

    private static Expr isValid(Expr h) {
        return new Call.BuiltinCall(h, Call.Builtin.IS_VALID, List.of(), Type.BOOL, h.span());
    }

    private static Expr and(Expr a, Expr b) {
        return new Expr.Binary(Expr.BinOp.LAND, a, b, Type.BOOL, a.span());
    }
}
