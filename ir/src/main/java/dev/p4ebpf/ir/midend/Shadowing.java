package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.pass.FreshNames;
import dev.p4ebpf.ir.pass.IrRewriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps an action's own variables from hiding the control variables it uses. In the IR the two
 * live in different frames, but printed as P4 a parameter {@code value} would hide a control
 * variable {@code value} the body also refers to — which happens when inlining puts a caller's
 * variable where an instance's parameter was. The action's colliding variables are renamed; a
 * renamed parameter keeps its control-plane name through {@code @name}.
 */
final class Shadowing {
    private Shadowing() {}

    static Decl.ActionDecl avoid(Decl.ActionDecl a, Set<String> containerNames, FreshNames names) {
        var renamed = new HashMap<String, String>();
        for (Param p : a.params()) {
            if (containerNames.contains(p.name())) {
                renamed.put(p.name(), names.fresh(p.name()));
            }
        }
        new IrRewriter() {
            @Override
            public List<Stmt> stmt(Stmt s) {
                if (s instanceof Stmt.VarDecl v && containerNames.contains(v.name())) {
                    renamed.putIfAbsent(v.name(), names.fresh(v.name()));
                }
                return super.stmt(s);
            }
        }.block(a.body());
        if (renamed.isEmpty()) {
            return a;
        }
        var params = a.params().stream().map(p -> renamed.containsKey(p.name()) ? named(p, renamed.get(p.name())) : p)
                .toList();
        Stmt.Block body = new Rename(renamed).block(a.body());
        return new Decl.ActionDecl(a.name(), params, body, a.annotations(), a.span());
    }

    private static Param named(Param p, String newName) {
        List<Annotation> as = ControlPlaneNames.of(p.annotations()).isPresent() ? p.annotations()
                : ControlPlaneNames.with(p.annotations(), p.name());
        return new Param(p.direction(), p.type(), newName, p.defaultValue(), p.optional(), as, p.span());
    }

    private static final class Rename extends IrRewriter {
        private final Map<String, String> renamed;

        Rename(Map<String, String> renamed) {
            this.renamed = renamed;
        }

        @Override
        public Expr expr(Expr e) {
            if (e instanceof Expr.Var v && v.frame() == Expr.Frame.CALLABLE && renamed.containsKey(v.name())) {
                return new Expr.Var(renamed.get(v.name()), v.type(), v.frame(), v.span());
            }
            return super.expr(e);
        }

        @Override
        public List<Stmt> stmt(Stmt s) {
            List<Stmt> out = super.stmt(s);
            return map(out, x -> x instanceof Stmt.VarDecl v && renamed.containsKey(v.name())
                    ? new Stmt.VarDecl(renamed.get(v.name()), v.type(), v.init(), v.annotations(), v.span()) : x);
        }
    }

    /** The names of the container variables an expression refers to. */
    static void containerNames(Expr e, Set<String> out) {
        if (e instanceof Expr.Var v && v.frame() == Expr.Frame.CONTAINER) {
            out.add(v.name());
        }
        for (Expr c : Exprs.children(e)) {
            containerNames(c, out);
        }
    }
}
