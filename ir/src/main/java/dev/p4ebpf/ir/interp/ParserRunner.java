package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.interp.value.ErrorValue;
import dev.p4ebpf.ir.interp.value.TupleValue;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.List;

/**
 * Runs a parser's state machine from {@code start} until {@code accept}. Reaching
 * {@code reject}, and every parser error, ends it with a {@link ParserError} ({@code NoError}
 * for a plain {@code transition reject}). A parser that makes more than {@value #MAX_STEPS}
 * transitions stops with {@code ParserTimeout}: P4 leaves unbounded loops to the target, and
 * this is the interpreter's bound.
 */
final class ParserRunner {
    static final int MAX_STEPS = 65_536;

    private final Machine machine;

    ParserRunner(Machine machine) {
        this.machine = machine;
    }

    void run(Env env) {
        String state = ParserState.START;
        for (int steps = 0; ; steps++) {
            if (state.equals(ParserState.ACCEPT)) {
                return;
            }
            if (state.equals(ParserState.REJECT)) {
                throw new ParserError(ErrorValue.NO_ERROR);
            }
            if (steps >= MAX_STEPS) {
                throw new ParserError(new ErrorValue("ParserTimeout"));
            }
            ParserState st = env.block.states.get(state);
            if (st == null) {
                throw new InterpreterException("parser " + env.block.path() + " has no state " + state);
            }
            List<Stmt> body = st.body();
            for (int i = 0, n = body.size(); i < n; i++) {
                machine.exec.exec(body.get(i), env);
            }
            state = next(st.transition(), env);
        }
    }

    private String next(ParserState.Transition t, Env env) {
        return switch (t) {
            case ParserState.Goto g -> g.state();
            case ParserState.Select s -> select(s, env);
        };
    }

    private String select(ParserState.Select s, Env env) {
        List<Expr> keys = s.keys();
        Value key;
        if (keys.size() == 1) {
            key = machine.eval.eval(keys.getFirst(), env);
        } else {
            Value[] k = new Value[keys.size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = machine.eval.eval(keys.get(i), env);
            }
            key = new TupleValue(k);
        }
        for (ParserState.SelectCase c : s.cases()) {
            if (machine.selects.matches(c.keySet(), key, env)) {
                return c.state();
            }
        }
        throw new ParserError(ErrorValue.NO_MATCH);
    }
}
