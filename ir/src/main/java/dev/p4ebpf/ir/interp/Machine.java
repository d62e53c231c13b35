package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.TypeSubst;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.interp.value.ErrorValue;
import dev.p4ebpf.ir.interp.value.ObjectValue;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference interpreter's engine for one program: the program's instances (built once, by
 * {@link Instantiator}) with their state, and their code compiled to an executable form
 * ({@link Nodes}). Architecture models drive it through {@link #runParser} and
 * {@link #runControl}; control planes reach the state through {@link #tables()},
 * {@link #blocks()} and {@link #externs()}.
 *
 * <p>It runs one packet at a time and is not thread-safe.
 */
public final class Machine {
    final Program program;
    final Architecture architecture;
    final Compiler compiler = new Compiler(this);
    private final Map<String, Decl.ActionDecl> globalActions = new HashMap<>();
    private final Map<String, CompiledCallable> compiledGlobalActions = new HashMap<>();
    private final Map<String, List<Decl.FunctionDecl>> functions = new HashMap<>();
    private final Map<Decl.FunctionDecl, Map<List<Type>, CompiledCallable>> compiledFunctions =
            new IdentityHashMap<>();
    private final Map<String, ExternFunction> externFunctions = new HashMap<>();
    final Map<String, Value> globalInstances = new LinkedHashMap<>();
    final List<BlockInstance> blocks = new ArrayList<>();
    final Map<String, ExternObject> externs = new LinkedHashMap<>();
    /** The entry whose action is running, for direct externs (direct meters read their entry's state). */
    TableEntry currentEntry;

    /**
     * Builds every instance of {@code program}, compiles their code (throws
     * {@link InterpreterException} when it uses something the interpreter or the architecture
     * does not model) and attaches the architecture.
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
        for (BlockInstance b : blocks) {
            b.compiled = new CompiledBlock(this, b);
        }
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

    // ---- resolution (at compile time) ---------------------------------------------------------

    /** The instance a reference names from inside {@code block} (or the top level when null). */
    Value instance(Expr.InstanceRef r, BlockInstance block) {
        Value v = r.global() || block == null ? globalInstances.get(r.name()) : block.instances.get(r.name());
        if (v == null) {
            v = globalInstances.get(r.name());
        }
        if (v == null) {
            throw new InterpreterException(r.span(), "no instance " + r.name() + " here");
        }
        return v;
    }

    Decl.ActionDecl action(String name, boolean global, BlockInstance block, Object where) {
        Decl.ActionDecl a = global || block == null ? globalActions.get(name) : block.actions.get(name);
        if (a == null) {
            a = globalActions.get(name);
        }
        if (a == null) {
            throw new InterpreterException("no action " + name + " for " + where);
        }
        return a;
    }

    /** An action compiled for {@code block} (its own), or at the top level (global ones). */
    CompiledCallable compiledAction(String name, boolean global, BlockInstance block, Object where) {
        Decl.ActionDecl a = action(name, global, block, where);
        if (block != null && block.actions.get(name) == a) {
            if (block.compiled == null) {
                throw new IllegalStateException("action " + name + " compiled before its block " + block.path());
            }
            return block.compiledActions.computeIfAbsent(name, k -> new CompiledCallable(this, block, block.subst(),
                    block.compiled.slots, a.params(), a.body()));
        }
        return compiledGlobalActions.computeIfAbsent(name, k -> new CompiledCallable(this, null,
                TypeSubst.of(List.of(), List.of()), Map.of(), a.params(), a.body()));
    }

    Decl.FunctionDecl function(String name, int arity, Span span) {
        for (Decl.FunctionDecl f : functions.getOrDefault(name, List.of())) {
            if (f.params().size() == arity) {
                return f;
            }
        }
        throw new InterpreterException(span, "no function " + name + " with " + arity + " parameters");
    }

    CompiledCallable compiledFunction(Decl.FunctionDecl fn, List<Type> typeArgs, TypeSubst subst) {
        return compiledFunctions.computeIfAbsent(fn, k -> new HashMap<>()).computeIfAbsent(typeArgs,
                k -> new CompiledCallable(this, null, subst, Map.of(), fn.params(), fn.body()));
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

    /** Evaluates a constant expression (a constructor argument, a size, an entry's key) in {@code block}'s scope. */
    Value evaluateStatic(Expr e, BlockInstance block) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        Value[] values = new Value[block == null ? 0 : block.ctorValues.size()];
        if (block != null) {
            for (Map.Entry<String, Value> c : block.ctorValues.entrySet()) {
                values[slots.size()] = c.getValue();
                slots.put(c.getKey(), slots.size());
            }
        }
        TypeSubst subst = block == null ? TypeSubst.of(List.of(), List.of()) : block.subst();
        Scope scope = new Scope(block, subst, slots, null);
        return compiler.exprs.compile(e, scope).eval(new Frame(block, values, null));
    }

    // ---- running blocks -----------------------------------------------------------------------

    /** A parser or control applied from P4 code ({@code sub.apply(…)}). */
    void applyNested(BlockInstance callee, Binder.Bound bound) {
        CompiledBlock c = callee.compiled;
        Frame f = c.enter(bound.values());
        try {
            c.run(f);
        } catch (ExitSignal exit) {
            c.collect(f, bound.values());
            bound.copyOut();
            throw exit;
        }
        c.collect(f, bound.values());
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
        CompiledBlock c = parser.compiled;
        Frame f = c.enter(args);
        try {
            c.run(f);
            return null;
        } catch (ParserError e) {
            return e.error();
        } finally {
            c.collect(f, args);
        }
    }

    /**
     * Runs a top-level control; {@code exit} ends it normally. {@code args} as for
     * {@link #runParser}.
     */
    public void runControl(BlockInstance control, Value[] args) {
        CompiledBlock c = control.compiled;
        Frame f = c.enter(args);
        try {
            c.run(f);
        } catch (ExitSignal exit) {
            // exit ends the top-level control; the arguments are copied out as usual
        } finally {
            c.collect(f, args);
        }
    }
}
