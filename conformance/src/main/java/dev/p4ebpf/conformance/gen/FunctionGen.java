package dev.p4ebpf.conformance.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes functions at the top level: {@code in} parameters, an optional local, an optional early
 * return under a condition, and a final return. Each may call the functions declared before it.
 */
final class FunctionGen {
    private final Rand r;
    private final GeneratorOptions o;
    private final Names names;

    FunctionGen(Rand r, GeneratorOptions o, Names names) {
        this.r = r;
        this.o = o;
        this.names = names;
    }

    List<Fn> write(Code c) {
        var fns = new ArrayList<Fn>();
        if (!o.has(Feature.FUNCTIONS)) {
            return fns;
        }
        for (int i = r.between(0, 2); i > 0; i--) {
            fns.add(function(c, fns));
        }
        return fns;
    }

    private ScalarType type() {
        if (r.chance(0.1)) {
            return ScalarType.BOOL;
        }
        return o.has(Feature.SIGNED) && r.chance(0.2) ? ScalarType.sint(r.between(2, 64)) : ScalarType.bit(r.width(64));
    }

    private Fn function(Code c, List<Fn> earlier) {
        var fn = new Fn(names.next("fn"), type(), List.of());
        var params = new ArrayList<ScalarType>();
        var scope = new Scope();
        var decl = new ArrayList<String>();
        for (int i = r.between(1, 3); i > 0; i--) {
            ScalarType t = type();
            String p = names.next("fp");
            params.add(t);
            decl.add("in " + t.p4() + " " + p);
            scope.add(new Lval(p, t, false));
        }
        var ex = new ExprGen(r, o, scope, List.of(), earlier);
        c.open(fn.result().p4() + " " + fn.name() + "(" + String.join(", ", decl) + ")");
        if (r.chance(0.5)) {
            ScalarType t = type();
            String v = names.next("fv");
            c.line(t.p4() + " " + v + " = " + ex.of(t) + ";");
            scope.add(new Lval(v, t, true));
        }
        if (r.chance(0.4)) {
            c.open("if (" + ex.bool(r.between(1, o.maxExprDepth())) + ")");
            c.line("return " + ex.of(fn.result()) + ";");
            c.close();
        }
        c.line("return " + ex.of(fn.result()) + ";");
        c.close().blank();
        return new Fn(fn.name(), fn.result(), params);
    }
}
