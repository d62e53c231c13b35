package dev.p4ebpf.conformance.gen;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates expressions of a requested type over the scalars of a {@link Scope}. Every operator
 * application is parenthesized, so precedence never matters; literals are typed ({@code 8w5},
 * {@code 8s5}) and fit their width; shifts are by constants below the width; casts follow the
 * spec's table of explicit casts (bit to bit, int to int, bit to int of the same width and back,
 * bit&lt;1&gt; to and from bool).
 */
final class ExprGen {
    private final Rand r;
    private final GeneratorOptions o;
    private final Scope scope;
    private final List<String> validity;
    private final List<Fn> fns;

    /**
     * @param validity header expressions whose {@code isValid()} may be asked
     * @param fns the functions that may be called
     */
    ExprGen(Rand r, GeneratorOptions o, Scope scope, List<String> validity, List<Fn> fns) {
        this.r = r;
        this.o = o;
        this.scope = scope;
        this.validity = List.copyOf(validity);
        this.fns = List.copyOf(fns);
    }

    String of(ScalarType t) {
        return of(t, r.between(0, o.maxExprDepth()));
    }

    String of(ScalarType t, int depth) {
        if (t.isBool()) {
            return bool(depth);
        }
        if (depth <= 0) {
            return leaf(t);
        }
        int d = depth - 1;
        int w = t.width();
        return switch (r.weighted(5, 2, 7, on(Feature.SATURATING, 1), on(Feature.SHIFTS, 2), on(Feature.CASTS, 2),
                on(Feature.SLICES, t.isBit() ? 2 : 0), on(Feature.CONCAT, t.isBit() && w >= 2 ? 2 : 0),
                on(Feature.MUX, 1), on(Feature.FUNCTIONS, fnsReturning(t).isEmpty() ? 0 : 1))) {
            case 0 -> leaf(t);
            case 1 -> "(" + (r.chance(0.5) ? "~" : "-") + of(t, d) + ")";
            case 2 -> arith(t, d);
            case 3 -> "(" + of(t, d) + (r.chance(0.5) ? " |+| " : " |-| ") + operand(t, d) + ")";
            case 4 -> "(" + of(t, d) + (r.chance(0.5) ? " << " : " >> ") + r.between(0, w - 1) + ")";
            case 5 -> cast(t, d);
            case 6 -> slice(t, d);
            case 7 -> concat(t, d);
            case 8 -> "(" + bool(d) + " ? " + of(t, d) + " : " + of(t, d) + ")";
            default -> call(r.pick(fnsReturning(t)), d);
        };
    }

    private int on(Feature f, int weight) {
        return o.has(f) ? weight : 0;
    }

    private String arith(ScalarType t, int d) {
        String op = r.pick(List.of(" + ", " - ", " * ", " & ", " | ", " ^ "));
        return "(" + of(t, d) + op + operand(t, d) + ")";
    }

    /** A right operand: sometimes an untyped literal that the left operand's type gives its type to. */
    private String operand(ScalarType t, int d) {
        if (t.isNumeric() && r.chance(0.25)) {
            int bits = t.isInt() ? t.width() - 1 : t.width();
            return r.value(Math.min(bits, 16)).toString();
        }
        return of(t, d);
    }

    /** A variable of type {@code t}, a literal, or a cast variable of another type. */
    String leaf(ScalarType t) {
        List<Lval> vs = scope.readable(t);
        if (!vs.isEmpty() && r.chance(0.7)) {
            return r.pick(vs).text();
        }
        if (o.has(Feature.CASTS) && r.chance(0.3)) {
            List<Lval> from = scope.all().stream().filter(v -> v.type().computable() && castable(v.type(), t)).toList();
            if (!from.isEmpty()) {
                return "((" + t.p4() + ") " + r.pick(from).text() + ")";
            }
        }
        return t.isBool() ? boolLeaf() : literal(t);
    }

    static String literal(ScalarType t, BigInteger v) {
        return switch (t.kind()) {
            case BIT -> t.width() + "w" + (v.bitLength() > 8 ? "0x" + v.toString(16) : v.toString());
            case INT -> t.width() + "s" + v;
            case BOOL -> v.signum() == 0 ? "false" : "true";
        };
    }

    /** A literal of type {@code t}; an int literal may be negated. */
    String literal(ScalarType t) {
        return switch (t.kind()) {
            case BIT -> literal(t, r.value(t.width()));
            case INT -> {
                String lit = literal(t, r.value(t.width() - 1));
                yield r.chance(0.3) ? "(-" + lit + ")" : lit;
            }
            case BOOL -> r.chance(0.5) ? "true" : "false";
        };
    }

    /** Whether the spec allows the explicit cast {@code (to) e} for {@code e} of type {@code from}. */
    static boolean castable(ScalarType from, ScalarType to) {
        return switch (to.kind()) {
            case BIT -> from.isBit() || from.isInt() && from.width() == to.width() || from.isBool() && to.width() == 1;
            case INT -> from.isInt() || from.isBit() && from.width() == to.width();
            case BOOL -> from.isBit() && from.width() == 1 || from.isBool();
        };
    }

    private String cast(ScalarType t, int d) {
        var from = new ArrayList<ScalarType>();
        from.add(t.isInt() ? ScalarType.sint(r.between(2, 64)) : ScalarType.bit(r.width(64)));
        if (t.isBit() && t.width() >= 2 && o.has(Feature.SIGNED)) {
            from.add(ScalarType.sint(t.width()));
        }
        if (t.isInt()) {
            from.add(ScalarType.bit(t.width()));
        }
        if (t.isBit() && t.width() == 1) {
            from.add(ScalarType.BOOL);
        }
        scope.types().stream().filter(s -> castable(s, t)).forEach(from::add);
        return "((" + t.p4() + ") " + of(r.pick(from), d) + ")";
    }

    private String slice(ScalarType t, int d) {
        int k = t.width();
        int w = r.between(k, 64);
        List<ScalarType> candidates = scope.types().stream().filter(s -> s.isNumeric() && s.width() >= k).toList();
        ScalarType from = !candidates.isEmpty() && r.chance(0.7) ? r.pick(candidates)
                : o.has(Feature.SIGNED) && w >= 2 && r.chance(0.2) ? ScalarType.sint(w) : ScalarType.bit(w);
        int lo = r.between(0, from.width() - k);
        return "(" + of(from, d) + ")[" + (lo + k - 1) + ":" + lo + "]";
    }

    private String concat(ScalarType t, int d) {
        int a = r.between(1, t.width() - 1);
        return "(" + of(ScalarType.bit(a), d) + " ++ " + of(ScalarType.bit(t.width() - a), d) + ")";
    }

    private List<Fn> fnsReturning(ScalarType t) {
        return fns.stream().filter(f -> f.result().equals(t)).toList();
    }

    private String call(Fn f, int d) {
        var args = new ArrayList<String>();
        for (ScalarType p : f.params()) {
            args.add(of(p, d));
        }
        return f.name() + "(" + String.join(", ", args) + ")";
    }

    /** A boolean expression. */
    String bool(int depth) {
        if (depth <= 0) {
            return leaf(ScalarType.BOOL);
        }
        int d = depth - 1;
        return switch (r.weighted(3, 2, 3, 3, 6, on(Feature.CASTS, 1), on(Feature.MUX, 1))) {
            case 0 -> leaf(ScalarType.BOOL);
            case 1 -> "(!" + bool(d) + ")";
            case 2 -> "(" + bool(d) + " && " + bool(d) + ")";
            case 3 -> "(" + bool(d) + " || " + bool(d) + ")";
            case 4 -> comparison(d);
            case 5 -> "((bool) " + of(ScalarType.bit(1), d) + ")";
            default -> "(" + bool(d) + " ? " + bool(d) + " : " + bool(d) + ")";
        };
    }

    private String comparison(int d) {
        ScalarType t = anyType();
        String op = t.isBool() ? r.pick(List.of(" == ", " != "))
                : r.pick(List.of(" == ", " != ", " < ", " <= ", " > ", " >= "));
        return "(" + of(t, d) + op + operand(t, d) + ")";
    }

    private String boolLeaf() {
        if (!validity.isEmpty() && r.chance(0.5)) {
            return r.pick(validity) + ".isValid()";
        }
        return r.chance(0.5) ? "true" : "false";
    }

    /** A type to compute in: mostly that of a scalar in scope, so that the expression reads it. */
    ScalarType anyType() {
        List<ScalarType> ts = scope.types();
        if (!ts.isEmpty() && r.chance(0.75)) {
            return r.pick(ts);
        }
        if (r.chance(0.1)) {
            return ScalarType.BOOL;
        }
        return o.has(Feature.SIGNED) && r.chance(0.2) ? ScalarType.sint(r.between(2, 64)) : ScalarType.bit(r.width(64));
    }
}
