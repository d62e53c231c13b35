package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.EnumValue;
import dev.p4ebpf.ir.interp.value.IntValue;
import dev.p4ebpf.ir.interp.value.StackValue;
import dev.p4ebpf.ir.interp.value.TupleValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Executes statements. {@code return}, {@code break} and {@code continue} come back as a
 * {@link Flow}; {@code exit} unwinds as {@link ExitSignal} (it can happen inside an action run by
 * a table applied within an expression).
 */
final class Executor {
    /** How a statement ended. */
    enum Flow { NORMAL, RETURN, BREAK, CONTINUE }

    private final Machine machine;

    Executor(Machine machine) {
        this.machine = machine;
    }

    Flow exec(Stmt s, Env env) {
        return switch (s) {
            case Stmt.Assign a -> {
                Location target = machine.locations.of(a.target(), env);
                target.write(machine.eval.eval(a.value(), env));
                yield Flow.NORMAL;
            }
            case Stmt.VarDecl v -> {
                declare(v, env);
                yield Flow.NORMAL;
            }
            case Stmt.CallStmt c -> {
                machine.calls.call(c.call(), env);
                yield Flow.NORMAL;
            }
            case Stmt.If i -> {
                if (machine.eval.truth(machine.eval.eval(i.condition(), env))) {
                    yield exec(i.then(), env);
                }
                yield i.otherwise().isPresent() ? exec(i.otherwise().get(), env) : Flow.NORMAL;
            }
            case Stmt.Block b -> block(b.statements(), env);
            case Stmt.Switch sw -> switchStmt(sw, env);
            case Stmt.Exit x -> throw ExitSignal.INSTANCE;
            case Stmt.Return r -> {
                if (r.value().isPresent()) {
                    env.returnValue = machine.eval.eval(r.value().get(), env).copy();
                }
                yield Flow.RETURN;
            }
            case Stmt.Empty e -> Flow.NORMAL;
            case Stmt.For f -> forLoop(f, env);
            case Stmt.ForIn f -> forIn(f, env);
            case Stmt.ForRange f -> forRange(f, env);
            case Stmt.Break b -> Flow.BREAK;
            case Stmt.Continue c -> Flow.CONTINUE;
        };
    }

    Flow block(List<Stmt> statements, Env env) {
        for (int i = 0, n = statements.size(); i < n; i++) {
            Flow f = exec(statements.get(i), env);
            if (f != Flow.NORMAL) {
                return f;
            }
        }
        return Flow.NORMAL;
    }

    /** The frame local declarations go to: the action's or function's, else the block's. */
    private static Map<String, Value> localFrame(Env env) {
        return env.callable != null ? env.callable : env.container;
    }

    private void declare(Stmt.VarDecl v, Env env) {
        Value init = v.init().isPresent() ? machine.eval.eval(v.init().get(), env).copy()
                : Values.initial(env.resolve(v.type()));
        localFrame(env).put(v.name(), init);
    }

    private Flow switchStmt(Stmt.Switch sw, Env env) {
        Value subject = machine.eval.eval(sw.subject(), env);
        List<Stmt.Case> cases = sw.cases();
        int chosen = -1;
        for (int i = 0; i < cases.size() && chosen < 0; i++) {
            if (matches(cases.get(i).label(), subject, env)) {
                chosen = i;
            }
        }
        if (chosen < 0) {
            return Flow.NORMAL;
        }
        for (int i = chosen; i < cases.size(); i++) {
            if (cases.get(i).body().isPresent()) {
                return exec(cases.get(i).body().get(), env);
            }
        }
        return Flow.NORMAL;
    }

    private boolean matches(Stmt.Label label, Value subject, Env env) {
        return switch (label) {
            case Stmt.DefaultLabel d -> true;
            case Stmt.ActionLabel a -> subject instanceof EnumValue e && e.member().equals(a.action());
            case Stmt.ValueLabel v -> Values.equal(subject, machine.eval.eval(v.value(), env));
        };
    }

    private Flow forLoop(Stmt.For f, Env env) {
        for (Stmt s : f.init()) {
            exec(s, env);
        }
        while (f.condition().isEmpty() || machine.eval.truth(machine.eval.eval(f.condition().get(), env))) {
            Flow flow = exec(f.body(), env);
            if (flow == Flow.BREAK) {
                break;
            }
            if (flow == Flow.RETURN) {
                return flow;
            }
            for (Stmt s : f.update()) {
                exec(s, env);
            }
        }
        return Flow.NORMAL;
    }

    private Flow forIn(Stmt.ForIn f, Env env) {
        Value collection = machine.eval.eval(f.collection(), env);
        int n = switch (collection) {
            case StackValue s -> s.size();
            case TupleValue t -> t.size();
            default -> throw new InterpreterException(f.span(), "cannot iterate over " + collection);
        };
        for (int i = 0; i < n; i++) {
            Value element = collection instanceof StackValue s ? s.element(i) : ((TupleValue) collection).get(i);
            localFrame(env).put(f.variable().name(), element.copy());
            Flow flow = exec(f.body(), env);
            if (flow == Flow.BREAK) {
                break;
            }
            if (flow == Flow.RETURN) {
                return flow;
            }
        }
        return Flow.NORMAL;
    }

    private Flow forRange(Stmt.ForRange f, Env env) {
        Type type = env.resolve(f.variable().type());
        BigInteger lo = Values.number(machine.eval.eval(f.lo(), env));
        BigInteger hi = Values.number(machine.eval.eval(f.hi(), env));
        for (BigInteger i = lo; i.compareTo(hi) <= 0; i = i.add(BigInteger.ONE)) {
            Value v = type instanceof Type.Bits b ? BitsValue.of(b.width(), b.signed(), i) : new IntValue(i);
            localFrame(env).put(f.variable().name(), v);
            Flow flow = exec(f.body(), env);
            if (flow == Flow.BREAK) {
                break;
            }
            if (flow == Flow.RETURN) {
                return flow;
            }
        }
        return Flow.NORMAL;
    }
}
