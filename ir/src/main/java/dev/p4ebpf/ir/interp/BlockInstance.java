package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.TypeSubst;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An instantiated parser or control: its declaration, the bindings of its type parameters, the
 * values of its constructor parameters, and the state that lives as long as the instance —
 * tables, extern instances and sub-instances declared inside it. {@link #path()} is its
 * control-plane name ({@code pipe}, {@code pipe.c1}).
 */
public final class BlockInstance {
    private final Decl decl;
    private final String path;
    private final TypeSubst subst;
    final Map<String, Value> ctorValues = new LinkedHashMap<>();
    final Map<String, Value> instances = new LinkedHashMap<>();
    final Map<String, TableRuntime> tables = new LinkedHashMap<>();
    final Map<String, Decl.ActionDecl> actions = new LinkedHashMap<>();
    final Map<String, ParserState> states = new LinkedHashMap<>();
    final Map<String, ValueSetRuntime> valueSets = new LinkedHashMap<>();
    /** Instances made by direct application ({@code C.apply()} of a type), one per call site. */
    final Map<dev.p4ebpf.ir.Call.ConstructorCall, Value> direct = new java.util.IdentityHashMap<>();
    /** The compiled body, once every instance exists. */
    CompiledBlock compiled;
    /** The local actions compiled so far. */
    final Map<String, CompiledCallable> compiledActions = new java.util.HashMap<>();

    BlockInstance(Decl decl, String path, TypeSubst subst) {
        if (!(decl instanceof Decl.ParserDecl) && !(decl instanceof Decl.ControlDecl)) {
            throw new IllegalArgumentException("not a parser or control: " + decl.name());
        }
        this.decl = decl;
        this.path = path;
        this.subst = subst;
    }

    public Decl decl() {
        return decl;
    }

    public String name() {
        return decl.name();
    }

    public boolean isParser() {
        return decl instanceof Decl.ParserDecl;
    }

    /** The control-plane name of this instance. */
    public String path() {
        return path;
    }

    TypeSubst subst() {
        return subst;
    }

    /** The apply parameters, with type parameters replaced. */
    public List<Param> applyParams() {
        List<Param> ps = switch (decl) {
            case Decl.ParserDecl p -> p.applyParams();
            case Decl.ControlDecl c -> c.applyParams();
            default -> throw new IllegalStateException();
        };
        return subst.isEmpty() ? ps : subst.params(ps);
    }

    List<Decl> locals() {
        return switch (decl) {
            case Decl.ParserDecl p -> p.locals();
            case Decl.ControlDecl c -> c.locals();
            default -> throw new IllegalStateException();
        };
    }

    Type resolve(Type t) {
        return subst.isEmpty() ? t : subst.apply(t);
    }

    /** The tables of this instance, by their names in the program. */
    public Map<String, TableRuntime> tables() {
        return Collections.unmodifiableMap(tables);
    }

    /** The extern and block instances declared in this instance, by name. */
    public Map<String, Value> instances() {
        return Collections.unmodifiableMap(instances);
    }

    /** The value sets of this parser, by name. */
    public Map<String, ValueSetRuntime> valueSets() {
        return Collections.unmodifiableMap(valueSets);
    }

    @Override
    public String toString() {
        return (isParser() ? "parser " : "control ") + path;
    }
}
