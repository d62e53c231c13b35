package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code @name} annotations that carry control-plane names through renaming. A name starting
 * with a dot is absolute (the whole control-plane name, e.g. {@code .pipe.t}); any other is relative
 * to the block the object is declared in.
 */
final class ControlPlaneNames {
    private ControlPlaneNames() {}

    static Optional<String> of(List<Annotation> annotations) {
        return Annotation.nameOf(annotations);
    }

    static boolean isAbsolute(String name) {
        return name.startsWith(".");
    }

    /** The annotations with {@code @name(name)} in place of any {@code @name} they had (first if new). */
    static List<Annotation> with(List<Annotation> annotations, String name) {
        var a = new Annotation("name", Annotation.Body.UNSTRUCTURED, "\"" + name + "\"", Span.NONE);
        var out = new ArrayList<Annotation>();
        boolean replaced = false;
        for (Annotation x : annotations) {
            if (x.name().equals("name")) {
                if (!replaced) {
                    out.add(a);
                    replaced = true;
                }
            } else {
                out.add(x);
            }
        }
        if (!replaced) {
            out.addFirst(a);
        }
        return List.copyOf(out);
    }

    /**
     * The name of an object moved out of block instance {@code instance} into the enclosing block:
     * absolute names stay, relative ones (or the declared name) get the instance's name in front.
     */
    static List<Annotation> moved(List<Annotation> annotations, String declaredName, String instance) {
        String current = of(annotations).orElse(declaredName);
        return isAbsolute(current) ? annotations : with(annotations, instance + "." + current);
    }
}
