package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.TypeSubst;
import dev.p4ebpf.ir.interp.value.BoolValue;
import dev.p4ebpf.ir.interp.value.HeaderValue;
import dev.p4ebpf.ir.interp.value.ObjectValue;
import dev.p4ebpf.ir.interp.value.StackValue;
import dev.p4ebpf.ir.interp.value.UnionValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls of every kind, with P4's copy-in/copy-out: arguments are evaluated left to right, the
 * locations of {@code out} and {@code inout} arguments resolved once before the call, and the
 * callee's final values written back to them in order after it — also when the callee ends with
 * {@code exit}.
 */
final class Calls {
    private final Machine machine;

    Calls(Machine machine) {
        this.machine = machine;
    }

    /** The evaluated arguments of one call and where their results go. */
    record Bound(Value[] values, Location[] outs) {
        void copyOut() {
            for (int i = 0; i < outs.length; i++) {
                if (outs[i] != null) {
                    outs[i].write(values[i]);
                }
            }
        }
    }

    Bound bind(List<Arg> args, Env caller) {
        int n = args.size();
        Value[] values = new Value[n];
        Location[] outs = new Location[n];
        for (int i = 0; i < n; i++) {
            Arg a = args.get(i);
            if (a.value().isEmpty()) {
                continue;
            }
            Expr e = a.value().get();
            Param p = a.param();
            switch (p.direction()) {
                case NONE, IN -> values[i] = machine.eval.eval(e, caller).copy();
                case INOUT -> {
                    outs[i] = machine.locations.of(e, caller);
                    values[i] = outs[i].read().copy();
                }
                case OUT -> {
                    outs[i] = machine.locations.of(e, caller);
                    values[i] = Values.initial(caller.resolve(p.type()));
                }
            }
        }
        return new Bound(values, outs);
    }

    /** Evaluates a call; {@code null} for calls without a value. */
    Value call(Call c, Env env) {
        return switch (c) {
            case Call.ActionCall a -> {
                Bound b = bind(a.args(), env);
                runAction(machine.action(a.action(), a.global(), env, a), b, env);
                yield null;
            }
            case Call.FunctionCall f -> function(f, env);
            case Call.ExternFunctionCall f -> {
                ExternFunction impl = machine.externFunction(f.method(), f.span());
                Bound b = bind(f.args(), env);
                Value r = impl.call(new ExternCall(machine, env, f.method(), f.typeArgs(), f.args(), b.values(),
                        f.span()));
                b.copyOut();
                yield r;
            }
            case Call.MethodCall m -> method(m, env);
            case Call.BuiltinCall b -> builtin(b, env);
            case Call.TableApply t -> machine.table(t.table(), env).apply(env);
            case Call.ApplyCall a -> {
                Value inst = a.instance() instanceof Call.ConstructorCall cc ? env.block.direct.get(cc)
                        : machine.eval.eval(a.instance(), env);
                BlockInstance callee = (BlockInstance) ((ObjectValue) inst).object();
                Bound b = bind(a.args(), env);
                machine.applyNested(callee, b);
                yield null;
            }
            case Call.ConstructorCall cc -> throw new InterpreterException(cc.span(),
                    "an instantiation cannot be evaluated at run time");
        };
    }

    /** Runs an action with bound arguments (its parameters in order), then copies out. */
    void runAction(Decl.ActionDecl action, Bound b, Env env) {
        Env callee = env.forCallable(env.subst);
        List<Param> params = action.params();
        for (int i = 0; i < params.size(); i++) {
            callee.callable.put(params.get(i).name(), b.values()[i]);
        }
        try {
            machine.exec.exec(action.body(), callee);
        } catch (ExitSignal exit) {
            collect(params, callee.callable, b);
            b.copyOut();
            throw exit;
        }
        collect(params, callee.callable, b);
        b.copyOut();
    }

    private static void collect(List<Param> params, Map<String, Value> frame, Bound b) {
        for (int i = 0; i < params.size(); i++) {
            if (b.outs()[i] != null) {
                b.values()[i] = frame.get(params.get(i).name());
            }
        }
    }

    private Value function(Call.FunctionCall f, Env env) {
        Decl.FunctionDecl fn = machine.function(f.function(), f.args().size(), f.span());
        TypeSubst subst = fn.typeParams().isEmpty() ? TypeSubst.of(List.of(), List.of())
                : TypeSubst.of(fn.typeParams(), f.typeArgs().stream().map(env::resolve).toList());
        Bound b = bind(f.args(), env);
        Env callee = new Env(env.block, env.container, new HashMap<>(), subst);
        List<Param> params = fn.params();
        for (int i = 0; i < params.size(); i++) {
            callee.callable.put(params.get(i).name(), b.values()[i]);
        }
        machine.exec.exec(fn.body(), callee);
        collect(params, callee.callable, b);
        b.copyOut();
        return callee.returnValue;
    }

    private Value method(Call.MethodCall m, Env env) {
        Value target = machine.eval.eval(m.target(), env);
        if (!(target instanceof ObjectValue o) || !(o.object() instanceof ExternObject ext)) {
            throw new InterpreterException(m.span(), "method " + m.method().name() + " called on " + target);
        }
        Bound b = bind(m.args(), env);
        Value r = ext.call(new ExternCall(machine, env, m.method(), m.typeArgs(), m.args(), b.values(), m.span()));
        b.copyOut();
        return r;
    }

    private Value builtin(Call.BuiltinCall b, Env env) {
        return switch (b.builtin()) {
            case IS_VALID -> switch (machine.eval.eval(b.target(), env)) {
                case HeaderValue h -> BoolValue.of(h.isValid());
                case UnionValue u -> BoolValue.of(u.isValid());
                case Value v -> throw new InterpreterException(b.span(), "isValid() of " + v);
            };
            case SET_VALID -> {
                setValidity(b.target(), true, env);
                yield null;
            }
            case SET_INVALID -> {
                setValidity(b.target(), false, env);
                yield null;
            }
            case PUSH_FRONT, POP_FRONT -> {
                StackValue s = (StackValue) machine.eval.eval(b.target(), env);
                long count = Conversions.count(machine.eval.eval(b.args().getFirst().expr(), env));
                Value fresh = Values.initial(env.resolve(s.type().element()));
                int n = (int) Math.min(count, Integer.MAX_VALUE);
                if (b.builtin() == Call.Builtin.PUSH_FRONT) {
                    s.pushFront(n, fresh);
                } else {
                    s.popFront(n, fresh);
                }
                yield null;
            }
        };
    }

    /** {@code h.setValid()} / {@code h.setInvalid()}; a member of a union made valid invalidates the others. */
    private void setValidity(Expr target, boolean valid, Env env) {
        Value v;
        if (target instanceof Expr.Member m) {
            Value base = machine.eval.eval(m.base(), env);
            if (base instanceof UnionValue u) {
                int i = u.type().fieldIndex(m.field());
                u.member(i).setValid(valid);
                if (valid) {
                    u.validated(i);
                }
                return;
            }
            v = Evaluator.member(base, m);
        } else {
            v = machine.eval.eval(target, env);
        }
        switch (v) {
            case HeaderValue h -> h.setValid(valid);
            case UnionValue u when !valid -> u.invalidate();
            default -> throw new InterpreterException(target.span(), "cannot change the validity of " + v);
        }
    }
}
