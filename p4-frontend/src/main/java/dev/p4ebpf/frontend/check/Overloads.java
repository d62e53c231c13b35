package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.ir.Param;
import java.util.List;

/**
 * Chooses among same-named functions, methods, constructors or packages by their parameters: the
 * number of arguments must fit (counting parameters that have defaults or are {@code @optional}), and
 * every named argument must name a parameter. An exact count wins over one that needs defaults.
 */
final class Overloads {
    private Overloads() {}

    /** The index of the best candidate, or 0 when none fits (the binder then reports why). */
    static int choose(List<List<Param>> candidates, List<Expression.Argument> args) {
        int best = -1;
        for (int i = 0; i < candidates.size(); i++) {
            List<Param> ps = candidates.get(i);
            if (!fits(ps, args)) {
                continue;
            }
            if (ps.size() == args.size()) {
                return i;
            }
            if (best < 0) {
                best = i;
            }
        }
        return Math.max(best, 0);
    }

    private static boolean fits(List<Param> ps, List<Expression.Argument> args) {
        long required = ps.stream().filter(p -> !p.optional() && p.defaultValue().isEmpty()).count();
        if (args.size() < required || args.size() > ps.size()) {
            return false;
        }
        for (Expression.Argument a : args) {
            if (a.name().isPresent() && ps.stream().noneMatch(p -> p.name().equals(a.name().get()))) {
                return false;
            }
        }
        return true;
    }
}
