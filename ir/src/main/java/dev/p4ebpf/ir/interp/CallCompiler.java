package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.TypeSubst;
import dev.p4ebpf.ir.interp.Nodes.ExprNode;
import dev.p4ebpf.ir.interp.value.BoolValue;
import dev.p4ebpf.ir.interp.value.HeaderValue;
import dev.p4ebpf.ir.interp.value.ObjectValue;
import dev.p4ebpf.ir.interp.value.StackValue;
import dev.p4ebpf.ir.interp.value.UnionValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import java.util.List;

/**
 * Compiles calls of every kind. The callee is resolved at compile time where it can be (actions,
 * functions, tables, instances named in the code); arguments go through a {@link Binder}.
 */
final class CallCompiler {
    private final Machine machine;

    CallCompiler(Machine machine) {
        this.machine = machine;
    }

    ExprNode compile(Call c, Scope s) {
        return switch (c) {
            case Call.ActionCall a -> {
                Binder binder = new Binder(machine, a.args(), s);
                CompiledCallable[] action = new CompiledCallable[1];
                yield f -> {
                    if (action[0] == null) {
                        action[0] = machine.compiledAction(a.action(), a.global(), s.block, a);
                    }
                    action[0].run(f, binder.bind(f));
                    return null;
                };
            }
            case Call.FunctionCall fc -> function(fc, s);
            case Call.ExternFunctionCall ef -> externFunction(ef, s);
            case Call.MethodCall m -> method(m, s);
            case Call.BuiltinCall b -> builtin(b, s);
            case Call.TableApply t -> {
                TableRuntime table = s.block == null ? null : s.block.tables.get(t.table());
                if (table == null) {
                    throw new InterpreterException(t.span(), "no table " + t.table() + " here");
                }
                yield table::apply;
            }
            case Call.ApplyCall a -> apply(a, s);
            case Call.ConstructorCall cc -> f -> {
                throw new InterpreterException(cc.span(), "an instantiation cannot be evaluated at run time");
            };
        };
    }

    private ExprNode function(Call.FunctionCall fc, Scope s) {
        Decl.FunctionDecl fn = machine.function(fc.function(), fc.args().size(), fc.span());
        List<Type> typeArgs = fc.typeArgs().stream().map(s::resolve).toList();
        TypeSubst subst = fn.typeParams().isEmpty() || fn.typeParams().size() != typeArgs.size()
                ? TypeSubst.of(List.of(), List.of()) : TypeSubst.of(fn.typeParams(), typeArgs);
        Binder binder = new Binder(machine, fc.args(), s);
        CompiledCallable[] compiled = new CompiledCallable[1];
        return f -> {
            if (compiled[0] == null) {
                compiled[0] = machine.compiledFunction(fn, typeArgs, subst);
            }
            return compiled[0].run(f, binder.bind(f));
        };
    }

    private ExprNode externFunction(Call.ExternFunctionCall ef, Scope s) {
        Binder binder = new Binder(machine, ef.args(), s, true);
        ExternSite site = new ExternSite(machine, ef.method(), ef.typeArgs(), ef.args(), s, ef.span());
        ExternFunction[] impl = new ExternFunction[1];
        return f -> {
            if (impl[0] == null) {
                impl[0] = machine.externFunction(ef.method(), ef.span());
            }
            Binder.Bound b = binder.bind(f);
            Value r = impl[0].call(new ExternCall(site, f, b.values()));
            b.copyOut();
            return r;
        };
    }

    private ExprNode method(Call.MethodCall m, Scope s) {
        ExprNode target = machine.compiler.exprs.compile(m.target(), s);
        if (m.externName().equals("packet_in") && m.method().name().equals("extract") && m.args().size() == 1
                && s.resolve(m.args().getFirst().param().type()) instanceof Type.Header h
                && h.fields().stream().noneMatch(x -> x.type() instanceof Type.Varbit)) {
            return extract(target, m, h, s);
        }
        Binder binder = new Binder(machine, m.args(), s, true);
        ExternSite site = new ExternSite(machine, m.method(), m.typeArgs(), m.args(), s, m.span());
        return f -> {
            Value t = target.eval(f);
            if (!(t instanceof ObjectValue o) || !(o.object() instanceof ExternObject ext)) {
                throw new InterpreterException(m.span(), "method " + m.method().name() + " called on " + t);
            }
            Binder.Bound b = binder.bind(f);
            Value r = ext.call(new ExternCall(site, f, b.values()));
            b.copyOut();
            return r;
        };
    }

    /** {@code pkt.extract(hdr)} of a fixed-size header: the most frequent extern call, made without copies. */
    private ExprNode extract(ExprNode target, Call.MethodCall m, Type.Header h, Scope s) {
        dev.p4ebpf.ir.interp.Nodes.LocNode loc = machine.compiler.locs.compile(m.args().getFirst().expr(), s);
        Expr arg = m.args().getFirst().expr();
        return f -> {
            Value t = target.eval(f);
            if (!(t instanceof ObjectValue o) || !(o.object() instanceof PacketIn in)) {
                throw new InterpreterException(m.span(), "extract called on " + t);
            }
            in.extractInto(loc.locate(f), h, arg);
            return null;
        };
    }

    private ExprNode builtin(Call.BuiltinCall b, Scope s) {
        return switch (b.builtin()) {
            case IS_VALID -> {
                ExprNode t = machine.compiler.exprs.compile(b.target(), s);
                yield f -> switch (t.eval(f)) {
                    case HeaderValue h -> BoolValue.of(h.isValid());
                    case UnionValue u -> BoolValue.of(u.isValid());
                    case Value v -> throw new InterpreterException(b.span(), "isValid() of " + v);
                };
            }
            case SET_VALID -> validity(b.target(), true, s);
            case SET_INVALID -> validity(b.target(), false, s);
            case PUSH_FRONT, POP_FRONT -> {
                ExprNode t = machine.compiler.exprs.compile(b.target(), s);
                ExprNode count = machine.compiler.exprs.compile(b.args().getFirst().expr(), s);
                Type element = s.resolve(b.target().type()) instanceof Type.Stack st ? s.resolve(st.element())
                        : Type.BOOL;
                Value fresh = Values.initial(element);
                boolean push = b.builtin() == Call.Builtin.PUSH_FRONT;
                yield f -> {
                    StackValue st = (StackValue) t.eval(f);
                    int n = (int) Math.min(Values.count(count.eval(f)), Integer.MAX_VALUE);
                    if (push) {
                        st.pushFront(n, fresh);
                    } else {
                        st.popFront(n, fresh);
                    }
                    return null;
                };
            }
        };
    }

    /** {@code h.setValid()} / {@code h.setInvalid()}; a member of a union made valid invalidates the others. */
    private ExprNode validity(Expr target, boolean valid, Scope s) {
        if (target instanceof Expr.Member m && s.resolve(m.base().type()) instanceof Type.HeaderUnion u) {
            ExprNode base = machine.compiler.exprs.compile(m.base(), s);
            int i = u.fieldIndex(m.field());
            return f -> {
                UnionValue union = (UnionValue) base.eval(f);
                union.member(i).setValid(valid);
                if (valid) {
                    union.validated(i);
                }
                return null;
            };
        }
        ExprNode t = machine.compiler.exprs.compile(target, s);
        return f -> {
            switch (t.eval(f)) {
                case HeaderValue h -> h.setValid(valid);
                case UnionValue u when !valid -> u.invalidate();
                case Value v -> throw new InterpreterException(target.span(), "cannot change the validity of " + v);
            }
            return null;
        };
    }

    private ExprNode apply(Call.ApplyCall a, Scope s) {
        Binder binder = new Binder(machine, a.args(), s);
        ExprNode callee;
        if (a.instance() instanceof Call.ConstructorCall cc) {
            Value direct = s.block == null ? null : s.block.direct.get(cc);
            if (direct == null) {
                throw new InterpreterException(cc.span(), "direct application of " + cc.type() + " was not instantiated");
            }
            callee = ExprCompiler.constant(direct);
        } else {
            callee = machine.compiler.exprs.compile(a.instance(), s);
        }
        return f -> {
            BlockInstance b = (BlockInstance) ((ObjectValue) callee.eval(f)).object();
            machine.applyNested(b, binder.bind(f));
            return null;
        };
    }
}
