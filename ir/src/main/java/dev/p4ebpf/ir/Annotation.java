package dev.p4ebpf.ir;

import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/**
 * An annotation such as {@code @name("x")}, {@code @hidden} or {@code @pragma(...)}. The body is
 * kept as written (the tokens between the brackets, separated by single spaces): annotations are
 * read by the few passes that know them, and printed back unchanged.
 */
public record Annotation(String name, Body body, String text, Span span) {

    public enum Body {
        /** {@code @a} */
        NONE,
        /** {@code @a(tokens)} */
        UNSTRUCTURED,
        /** {@code @a[k = v, ...]} or {@code @a[e, ...]} */
        STRUCTURED
    }

    public static Annotation of(String name, Span span) {
        return new Annotation(name, Body.NONE, "", span);
    }

    /** The string literal argument of {@code @name("…")}-style annotations, unquoted. */
    public Optional<String> stringArgument() {
        String t = text.strip();
        if (body == Body.UNSTRUCTURED && t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")
                && t.indexOf('"', 1) == t.length() - 1) {
            return Optional.of(t.substring(1, t.length() - 1));
        }
        return Optional.empty();
    }

    /** Finds the annotation called {@code name} in a list, if any. */
    public static Optional<Annotation> find(List<Annotation> annotations, String name) {
        return annotations.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The {@code @name("…")} of a declaration, if it has one. */
    public static Optional<String> nameOf(List<Annotation> annotations) {
        return find(annotations, "name").flatMap(Annotation::stringArgument);
    }
}
