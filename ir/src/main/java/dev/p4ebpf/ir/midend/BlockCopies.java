package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.TypeSubst;
import dev.p4ebpf.ir.pass.Decls;
import dev.p4ebpf.ir.pass.IrRewriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies of parsers and controls with their type parameters substituted and their constructor
 * parameters bound to arguments: compile-time values replace the parameter's uses (and the result
 * is folded), an extern or block constructor call becomes a local instance named after the
 * parameter, and an instance passed by reference replaces the parameter's uses.
 */
final class BlockCopies {
    private BlockCopies() {}

    /**
     * {@code block} renamed to {@code name}, with {@code typeArgs} for its type parameters (none when
     * empty) and its constructor parameters bound to {@code ctorArgs} (kept when empty). The copy keeps
     * the original's control-plane name.
     */
    static Decl specialize(Decl block, String name, List<Type> typeArgs, List<Arg> ctorArgs) {
        Decl d = block;
        if (!typeArgs.isEmpty()) {
            var subst = TypeSubst.of(Decls.typeParams(block), typeArgs);
            d = new IrRewriter() {
                @Override
                public Type type(Type t) {
                    return subst.apply(t);
                }
            }.decl(d).getFirst();
        }
        if (!ctorArgs.isEmpty()) {
            d = bind(d, ctorArgs);
        }
        var annotations = ControlPlaneNames.of(Decls.annotations(block)).isPresent() ? Decls.annotations(block)
                : ControlPlaneNames.with(Decls.annotations(block), block.name());
        if (d instanceof Decl.ParserDecl p) {
            return new Decl.ParserDecl(name, List.of(), p.applyParams(), p.ctorParams(), p.locals(), p.states(),
                    annotations, Copies.span(block));
        }
        Decl.ControlDecl c = Blocks.control(d);
        return new Decl.ControlDecl(name, List.of(), c.applyParams(), c.ctorParams(), c.locals(), c.body(),
                annotations, Copies.span(block));
    }

    /** {@code block} with its constructor parameters bound to {@code args} (one per parameter) and removed. */
    static Decl bind(Decl block, List<Arg> args) {
        List<Param> ctorParams = Blocks.ctorParams(block);
        var values = new HashMap<String, Expr>();
        var instances = new ArrayList<Decl>();
        for (int i = 0; i < ctorParams.size(); i++) {
            Param p = ctorParams.get(i);
            if (i >= args.size() || args.get(i).value().isEmpty()) {
                continue;
            }
            Expr v = args.get(i).expr();
            if (v instanceof Call.ConstructorCall k) {
                instances.add(new Decl.InstanceDecl(p.name(), k.type(), k.args(), List.of(), List.of(), p.span()));
                values.put(p.name(), new Expr.InstanceRef(p.name(), k.type(), false, p.span()));
            } else {
                values.put(p.name(), v);
            }
        }
        Decl bound = new Binder(values).decl(block).getFirst();
        if (bound instanceof Decl.ParserDecl p) {
            return new Decl.ParserDecl(p.name(), p.typeParams(), p.applyParams(), List.of(),
                    concat(instances, p.locals()), p.states(), p.annotations(), p.span());
        }
        Decl.ControlDecl c = Blocks.control(bound);
        return new Decl.ControlDecl(c.name(), c.typeParams(), c.applyParams(), List.of(),
                concat(instances, c.locals()), c.body(), c.annotations(), c.span());
    }

    private static List<Decl> concat(List<Decl> a, List<Decl> b) {
        var out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Puts the constructor arguments in place of the parameters' uses, and folds what becomes constant. */
    private static final class Binder extends Folding {
        private final Map<String, Expr> values;

        Binder(Map<String, Expr> values) {
            this.values = values;
        }

        @Override
        public Expr expr(Expr e) {
            if (e instanceof Expr.Var v && v.frame() == Expr.Frame.CONTAINER && values.containsKey(v.name())) {
                return values.get(v.name());
            }
            return super.expr(e);
        }
    }
}
