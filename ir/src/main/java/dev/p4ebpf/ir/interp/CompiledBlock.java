package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.interp.Nodes.ExprNode;
import dev.p4ebpf.ir.interp.Nodes.StmtNode;
import dev.p4ebpf.ir.interp.value.ErrorValue;
import dev.p4ebpf.ir.interp.value.TupleValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser or control instance compiled: the slots of its frame (apply parameters, constructor
 * values, local variables of the block, of its apply body and states), the initializers of its
 * locals, and its body or its states.
 *
 * <p>A parser runs from {@code start} until {@code accept}. Reaching {@code reject}, and every
 * parser error, ends it with a {@link ParserError} ({@code NoError} for a plain
 * {@code transition reject}). A parser that makes more than {@value #MAX_STEPS} transitions
 * stops with {@code ParserTimeout}: P4 leaves unbounded loops to the target, and this is the
 * interpreter's bound.
 */
final class CompiledBlock {
    static final int MAX_STEPS = 65_536;
    private static final int ACCEPT = -1;
    private static final int REJECT = -2;

    private final BlockInstance block;
    final Map<String, Integer> slots;
    private final int size;
    private final int[] paramSlots;
    private final boolean[] copiesOut;
    private final int[] ctorSlots;
    private final Value[] ctorValues;
    private final int[] localSlots;
    private final ExprNode[] localInits;
    private final StmtNode body;
    private final State[] states;
    private final int start;

    /** A compiled parser state: its statements and where it goes next. */
    private record State(String name, StmtNode[] body, Transition next) {}

    /** Where a state goes: {@link #ACCEPT}, {@link #REJECT} or a state's index, chosen from the keys. */
    @FunctionalInterface
    private interface Transition {
        int next(Frame f);
    }

    CompiledBlock(Machine machine, BlockInstance b) {
        this.block = b;
        Slots s = new Slots();
        List<Param> params = b.applyParams();
        params.forEach(p -> s.add(p.name()));
        b.ctorValues.keySet().forEach(s::add);
        List<Decl.VarDecl> locals = b.locals().stream().filter(d -> d instanceof Decl.VarDecl)
                .map(d -> (Decl.VarDecl) d).toList();
        locals.forEach(v -> s.add(v.name()));
        switch (b.decl()) {
            case Decl.ControlDecl c -> s.addDeclared(c.body().statements());
            case Decl.ParserDecl p -> p.states().forEach(st -> s.addDeclared(st.body()));
            default -> throw new IllegalStateException();
        }
        this.slots = s.map();
        this.size = s.size();
        this.paramSlots = params.stream().mapToInt(p -> slots.get(p.name())).toArray();
        this.copiesOut = new boolean[params.size()];
        for (int i = 0; i < copiesOut.length; i++) {
            copiesOut[i] = params.get(i).direction().copiesOut();
        }
        this.ctorSlots = b.ctorValues.keySet().stream().mapToInt(slots::get).toArray();
        this.ctorValues = b.ctorValues.values().toArray(Value[]::new);
        Scope scope = new Scope(b, b.subst(), slots, null);
        this.localSlots = locals.stream().mapToInt(v -> slots.get(v.name())).toArray();
        this.localInits = locals.stream().map(v -> v.init().isPresent()
                ? machine.compiler.exprs.compile(v.init().get(), scope)
                : ExprCompiler.fresh(Values.initial(scope.resolve(v.type())))).toArray(ExprNode[]::new);
        b.tables.values().forEach(t -> t.compile(scope));
        if (b.decl() instanceof Decl.ControlDecl c) {
            this.body = machine.compiler.stmts.block(c.body().statements(), scope);
            this.states = new State[0];
            this.start = 0;
        } else {
            this.body = null;
            Decl.ParserDecl p = (Decl.ParserDecl) b.decl();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < p.states().size(); i++) {
                index.put(p.states().get(i).name(), i);
            }
            this.states = p.states().stream().map(st -> state(machine, st, index, scope)).toArray(State[]::new);
            this.start = target(ParserState.START, index);
        }
    }

    private static int target(String name, Map<String, Integer> index) {
        return switch (name) {
            case ParserState.ACCEPT -> ACCEPT;
            case ParserState.REJECT -> REJECT;
            default -> {
                Integer i = index.get(name);
                if (i == null) {
                    throw new InterpreterException("the parser has no state " + name);
                }
                yield i;
            }
        };
    }

    private static State state(Machine m, ParserState st, Map<String, Integer> index, Scope scope) {
        StmtNode[] body = st.body().stream().map(x -> m.compiler.stmts.compile(x, scope)).toArray(StmtNode[]::new);
        Transition t = switch (st.transition()) {
            case ParserState.Goto g -> {
                int to = target(g.state(), index);
                yield f -> to;
            }
            case ParserState.Select sel -> select(m, sel, index, scope);
        };
        return new State(st.name(), body, t);
    }

    private static Transition select(Machine m, ParserState.Select sel, Map<String, Integer> index, Scope scope) {
        ExprNode[] keys = m.compiler.exprs.all(sel.keys(), scope);
        List<KeySetCompiler.Matcher> matchers = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        for (ParserState.SelectCase c : sel.cases()) {
            matchers.add(m.compiler.keysets.compile(c.keySet(), scope));
            targets.add(target(c.state(), index));
        }
        KeySetCompiler.Matcher[] ms = matchers.toArray(KeySetCompiler.Matcher[]::new);
        int[] ts = targets.stream().mapToInt(Integer::intValue).toArray();
        return f -> {
            Value key;
            if (keys.length == 1) {
                key = keys[0].eval(f);
            } else {
                Value[] k = new Value[keys.length];
                for (int i = 0; i < k.length; i++) {
                    k[i] = keys[i].eval(f);
                }
                key = new TupleValue(k);
            }
            for (int i = 0; i < ms.length; i++) {
                if (ms[i].matches(key, f)) {
                    return ts[i];
                }
            }
            throw new ParserError(ErrorValue.NO_MATCH);
        };
    }

    /** A fresh frame for one invocation: the arguments, the constructor values, the locals initialized. */
    Frame enter(Value[] args) {
        Value[] locals = new Value[size];
        for (int i = 0; i < ctorSlots.length; i++) {
            locals[ctorSlots[i]] = ctorValues[i];
        }
        for (int i = 0; i < paramSlots.length; i++) {
            locals[paramSlots[i]] = args[i];
        }
        Frame f = new Frame(block, locals, null);
        for (int i = 0; i < localSlots.length; i++) {
            locals[localSlots[i]] = localInits[i].eval(f).copy();
        }
        return f;
    }

    /** Runs the body of a control, or the states of a parser. */
    void run(Frame f) {
        if (body != null) {
            body.exec(f);
            return;
        }
        int state = start;
        for (int steps = 0; ; steps++) {
            if (state == ACCEPT) {
                return;
            }
            if (state == REJECT) {
                throw new ParserError(ErrorValue.NO_ERROR);
            }
            if (steps >= MAX_STEPS) {
                throw new ParserError(new ErrorValue("ParserTimeout"));
            }
            State st = states[state];
            for (StmtNode n : st.body()) {
                n.exec(f);
            }
            state = st.next().next(f);
        }
    }

    /** The final values of the {@code out} and {@code inout} parameters, into {@code args}. */
    void collect(Frame f, Value[] args) {
        for (int i = 0; i < paramSlots.length; i++) {
            if (copiesOut[i]) {
                args[i] = f.locals[paramSlots[i]];
            }
        }
    }
}
