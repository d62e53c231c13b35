package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.List;

/**
 * What an architecture model is given to create an extern instance.
 *
 * @param extern      the extern type's name
 * @param typeArgs    its type arguments, resolved
 * @param args        the constructor arguments' values, in parameter order ({@code null} where an
 *                    optional one was omitted)
 * @param params      the constructor's arguments as bound, with their parameters
 * @param name        the instance's control-plane name ({@code ingress.my_counter})
 * @param annotations the instance's annotations
 * @param span        where it is declared
 */
public record ExternInstanceSpec(String extern, List<Type> typeArgs, List<Value> args, List<Arg> params,
                                 String name, List<Annotation> annotations, Span span) {
    public ExternInstanceSpec {
        typeArgs = List.copyOf(typeArgs);
        args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
        params = List.copyOf(params);
        annotations = List.copyOf(annotations);
    }
}
