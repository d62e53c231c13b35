package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.TypeSubst;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.interp.value.ErrorValue;
import dev.p4ebpf.ir.interp.value.ObjectValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference interpreter's engine for one program: the program's instances (built once, by
 * {@link Instantiator}) with their state, and the evaluation of P4 code over them. Architecture
 * models drive it through {@link #runParser} and {@link #runControl}; control planes reach the
 * state through {@link #tables()}, {@link #blocks()} and {@link #externs()}.
 *
 * <p>It runs one packet at a time and is not thread-safe.
 */
public final class Machine {
    final Program program;
    final Architecture architecture;
    final Evaluator eval = new Evaluator(this);
    final Locations locations = new Locations(this);
    final Calls calls = new Calls(this);
    final Executor exec = new Executor(this);
    final ParserRunner parsers = new ParserRunner(this);
    final Selects selects = new Selects(this);
    final FieldLists fieldLists = new FieldLists(this);
    private final Map<String, Decl.ActionDecl> globalActions = new HashMap<>();
    private final Map<String, List<Decl.FunctionDecl>> functions = new HashMap<>();
    private final Map<String, ExternFunction> externFunctions = new HashMap<>();
    final Map<String, Value> globalInstances = new LinkedHashMap<>();
    final List<BlockInstance> blocks = new ArrayList<>();
    final Map<String, ExternObject> externs = new LinkedHashMap<>();
    /** The entry whose action is running, for direct externs (direct meters read their entry's state). */
    TableEntry currentEntry;

    /**
     * Builds every instance of {@code program} (throws {@link InterpreterException} when it uses
     * something the interpreter or the architecture does not model) and attaches the architecture.
     */
    public Machine(Program program, Architecture architecture) {
        this.program = program;
        this.architecture = architecture;
        for (Decl d : program.decls()) {
            switch (d) {
                case Decl.ActionDecl a -> globalActions.put(a.name(), a);
                case Decl.FunctionDecl f -> functions.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
                default -> { }
            }
        }
        Map<String, Value> packageArgs = new Instantiator(this).instantiateAll();
        architecture.attach(this, packageArgs);
    }

    public Program program() {
        return program;
    }

    /** Every parser and control instance, in the order they were created. */
    public List<BlockInstance> blocks() {
        return List.copyOf(blocks);
    }

    /** Every table of every instance. */
    public List<TableRuntime> tables() {
        List<TableRuntime> all = new ArrayList<>();
        for (BlockInstance b : blocks) {
            all.addAll(b.tables.values());
        }
        return all;
    }

    /** Every extern instance by control-plane name. */
    public Map<String, ExternObject> externs() {
        return Map.copyOf(externs);
    }

    /** The entry whose action is running now, if a table hit started it. */
    public TableEntry currentEntry() {
        return currentEntry;
    }

    // ---- resolution ---------------------------------------------------------------------------

    Value instance(Expr.InstanceRef r, Env env) {
        Value v = r.global() || env.block == null ? globalInstances.get(r.name()) : env.block.instances.get(r.name());
        if (v == null && !r.global() && env.block != null) {
            v = globalInstances.get(r.name());
        }
        if (v == null) {
            throw new InterpreterException(r.span(), "no instance " + r.name() + " here");
        }
        return v;
    }

    Decl.ActionDecl action(String name, boolean global, Env env, Object where) {
        Decl.ActionDecl a = global || env.block == null ? globalActions.get(name) : env.block.actions.get(name);
        if (a == null) {
            a = globalActions.get(name);
        }
        if (a == null) {
            throw new InterpreterException("no action " + name + " for " + where);
        }
        return a;
    }

    Decl.FunctionDecl function(String name, int arity, Span span) {
        for (Decl.FunctionDecl f : functions.getOrDefault(name, List.of())) {
            if (f.params().size() == arity) {
                return f;
            }
        }
        throw new InterpreterException(span, "no function " + name + " with " + arity + " parameters");
    }

    ExternFunction externFunction(Method m, Span span) {
        String key = m.name() + "/" + m.params().size();
        ExternFunction f = externFunctions.get(key);
        if (f == null) {
            f = architecture.function(m);
            if (f == null) {
                throw new InterpreterException(span, "extern function " + m.name() + " is not modelled by the "
                        + architecture.packageName() + " architecture of the interpreter");
            }
            externFunctions.put(key, f);
        }
        return f;
    }

    TableRuntime table(String name, Env env) {
        TableRuntime t = env.block.tables.get(name);
        if (t == null) {
            throw new InterpreterException("no table " + name + " in " + env.block.path());
        }
        return t;
    }

    // ---- running blocks -----------------------------------------------------------------------

    /** A fresh container frame for one invocation of {@code b}: parameters, constructor values, locals. */
    private Env enter(BlockInstance b, Value[] args) {
        HashMap<String, Value> frame = new HashMap<>();
        frame.putAll(b.ctorValues);
        List<Param> params = b.applyParams();
        for (int i = 0; i < params.size(); i++) {
            frame.put(params.get(i).name(), args[i]);
        }
        Env env = new Env(b, frame, null, b.subst());
        for (Decl d : b.locals()) {
            if (d instanceof Decl.VarDecl v) {
                Value init = v.init().isPresent() ? eval.eval(v.init().get(), env).copy()
                        : Values.initial(env.resolve(v.type()));
                frame.put(v.name(), init);
            }
        }
        return env;
    }

    private static void collect(BlockInstance b, Env env, Value[] args) {
        List<Param> params = b.applyParams();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).direction().copiesOut()) {
                args[i] = env.container.get(params.get(i).name());
            }
        }
    }

    private void body(BlockInstance b, Env env) {
        if (b.decl() instanceof Decl.ControlDecl c) {
            exec.exec(c.body(), env);
        } else {
            parsers.run(env);
        }
    }

    /** A parser or control applied from P4 code ({@code sub.apply(…)}). */
    void applyNested(BlockInstance callee, Calls.Bound bound) {
        Env env = enter(callee, bound.values());
        try {
            body(callee, env);
        } catch (ExitSignal exit) {
            collect(callee, env, bound.values());
            bound.copyOut();
            throw exit;
        }
        collect(callee, env, bound.values());
        bound.copyOut();
    }

    /**
     * Runs a top-level parser. {@code args} are its apply arguments in order (a
     * {@link PacketIn} as an {@link ObjectValue}, headers, metadata); on return they hold the
     * final values of the {@code out} and {@code inout} ones, also after a reject.
     *
     * @return {@code null} when the parser accepted, else the error it rejected with
     *         ({@code error.NoError} for a plain {@code transition reject})
     */
    public ErrorValue runParser(BlockInstance parser, Value[] args) {
        Env env = enter(parser, args);
        try {
            parsers.run(env);
            return null;
        } catch (ParserError e) {
            return e.error();
        } finally {
            collect(parser, env, args);
        }
    }

    /**
     * Runs a top-level control; {@code exit} ends it normally. {@code args} as for
     * {@link #runParser}.
     */
    public void runControl(BlockInstance control, Value[] args) {
        Env env = enter(control, args);
        try {
            body(control, env);
        } catch (ExitSignal exit) {
            // exit ends the top-level control; the arguments are copied out as usual
        } finally {
            collect(control, env, args);
        }
    }

    /** A subst-free environment of {@code block} for evaluating constant expressions at instantiation. */
    Env staticEnv(BlockInstance block) {
        Map<String, Value> frame = block == null ? new HashMap<>() : new HashMap<>(block.ctorValues);
        return new Env(block, frame, null, block == null ? TypeSubst.of(List.of(), List.of()) : block.subst());
    }
}
