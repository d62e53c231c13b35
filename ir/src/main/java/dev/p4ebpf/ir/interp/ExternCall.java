package dev.p4ebpf.ir.interp;

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
    private final ExternSite site;
    private final Frame frame;
    private final Value[] args;

    ExternCall(ExternSite site, Frame frame, Value[] args) {
        this.site = site;
        this.frame = frame;
        this.args = args;
    }

    public String method() {
        return site.method.name();
    }

    public Method signature() {
        return site.method;
    }

    /** The type arguments, with the caller's type variables replaced. */
    public List<Type> typeArgs() {
        return site.typeArgs;
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
        return site.args.get(i).value().isPresent();
    }

    /** The expression given for argument {@code i}. */
    public Expr argExpr(int i) {
        return site.args.get(i).expr();
    }

    /** The declared type of parameter {@code i}, instantiated and resolved. */
    public Type paramType(int i) {
        return site.paramTypes[i];
    }

    public Span span() {
        return site.span;
    }

    public Machine machine() {
        return site.machine;
    }

    /**
     * The data of argument {@code i} as BMv2 builds a field list from it: the bits of each
     * field in order, where fields of headers that are invalid are left out.
     */
    public List<Value> fieldList(int i) {
        return site.fieldList(i).values(frame);
    }
}
