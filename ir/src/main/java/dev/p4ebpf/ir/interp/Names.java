package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Annotation;
import java.util.List;
import java.util.Optional;

/**
 * Control-plane names, as p4c forms them: a declaration inside a parser or control instance is
 * named {@code path.name}; {@code @name("n")} replaces the last part, {@code @name(".n")} gives
 * the whole name {@code n}; top-level declarations are named by themselves.
 */
final class Names {
    private Names() {}

    static String qualified(String path, String name, List<Annotation> annotations) {
        Optional<String> given = Annotation.nameOf(annotations);
        if (given.isPresent()) {
            String g = given.get();
            return g.startsWith(".") ? g.substring(1) : join(path, g);
        }
        return join(path, name);
    }

    static String global(String name, List<Annotation> annotations) {
        String g = Annotation.nameOf(annotations).orElse(name);
        return g.startsWith(".") ? g.substring(1) : g;
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
