package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.List;

/**
 * One call of an extern method or function, as its implementation sees it: the signature, the
 * type arguments (type variables of the caller replaced), the argument values (copied in), and
 * access to the argument expressions for the few externs whose meaning depends on them (BMv2
 * field lists skip the fields of invalid headers).
 */
public final class ExternCall {
    private final Machine machine;
    private final Env env;
    private final Method method;
    private final List<Type> typeArgs;
    private final List<Arg> argList;
    private final Value[] args;
    private final Span span;

    ExternCall(Machine machine, Env env, Method method, List<Type> typeArgs, List<Arg> argList, Value[] args,
               Span span) {
        this.machine = machine;
        this.env = env;
        this.method = method;
        this.typeArgs = typeArgs;
        this.argList = argList;
        this.args = args;
        this.span = span;
    }

    public String method() {
        return method.name();
    }

    public Method signature() {
        return method;
    }

    /** The type arguments, with the caller's type variables replaced. */
    public List<Type> typeArgs() {
        return typeArgs.stream().map(env::resolve).toList();
    }

    public int argCount() {
        return args.length;
    }

    /** Argument {@code i}; {@code null} for an omitted {@code @optional} argument. */
    public Value arg(int i) {
        return args[i];
    }

    /** Sets the final value of an {@code out} or {@code inout} argument. */
    public void set(int i, Value v) {
        args[i] = v;
    }

    /** Whether argument {@code i} was given (only {@code @optional} ones may be omitted). */
    public boolean has(int i) {
        return argList.get(i).value().isPresent();
    }

    /** The expression given for argument {@code i}. */
    public Expr argExpr(int i) {
        return argList.get(i).expr();
    }

    /** The declared type of parameter {@code i}, instantiated and resolved. */
    public Type paramType(int i) {
        return env.resolve(argList.get(i).param().type());
    }

    public Span span() {
        return span;
    }

    public Machine machine() {
        return machine;
    }

    /**
     * The data of argument {@code i} as BMv2 builds a field list from it: the bits of each
     * field in order, where fields of headers that are invalid are left out.
     */
    public List<Value> fieldList(int i) {
        return machine.fieldLists.flatten(argExpr(i), env);
    }
}
