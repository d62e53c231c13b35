package dev.p4ebpf.ir;

import dev.p4ebpf.ir.diag.Span;
import java.util.List;

/**
 * The signature of an extern method, extern constructor, extern function or abstract method. Calls
 * embed the signature they resolved to, so that the interpreter and the backends know the
 * directions and types without looking anything up. Constructors have the extern's name and
 * return type {@link Type.Void}.
 */
public record Method(String name, List<String> typeParams, List<Param> params, Type returnType,
                     boolean isAbstract, List<Annotation> annotations, Span span) {

    public Method {
        typeParams = List.copyOf(typeParams);
        params = List.copyOf(params);
        annotations = List.copyOf(annotations);
    }

    public boolean hasAnnotation(String annotation) {
        return Annotation.find(annotations, annotation).isPresent();
    }
}
