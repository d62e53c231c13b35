package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;

/**
 * A call site of an extern method or function, compiled: the signature, the type arguments and
 * parameter types with type variables replaced, and (made when first asked) the field lists of
 * its arguments.
 */
final class ExternSite {
    final Machine machine;
    final Method method;
    final List<Type> typeArgs;
    final List<Arg> args;
    final Type[] paramTypes;
    final Span span;
    private final Scope scope;
    private final FieldListCompiler.FieldListNode[] fieldLists;

    ExternSite(Machine machine, Method method, List<Type> typeArgs, List<Arg> args, Scope scope, Span span) {
        this.machine = machine;
        this.method = method;
        this.typeArgs = typeArgs.stream().map(scope::resolve).toList();
        this.args = args;
        this.paramTypes = args.stream().map(a -> scope.resolve(a.param().type())).toArray(Type[]::new);
        this.span = span;
        this.scope = scope;
        this.fieldLists = new FieldListCompiler.FieldListNode[args.size()];
    }

    FieldListCompiler.FieldListNode fieldList(int i) {
        if (fieldLists[i] == null) {
            fieldLists[i] = machine.compiler.fieldLists.compile(args.get(i).expr(), scope);
        }
        return fieldLists[i];
    }
}
