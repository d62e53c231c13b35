package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.TypeSubst;
import dev.p4ebpf.ir.pass.Decls;
import dev.p4ebpf.ir.pass.FreshNames;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces each call of a generic function with concrete type arguments ({@code f<bit<8>>(x)}) by a
 * call of a copy of the function with the type parameters substituted ({@code f_bit8(x)}), declared
 * just before the first declaration that calls it. Copies are shared between calls with the same
 * type arguments; generic calls inside a copy are specialized in turn.
 */
public final class SpecializeGenericFunctions implements Pass {
    @Override
    public String name() {
        return "specialize-generic-functions";
    }

    @Override
    public String summary() {
        return "copy generic functions once per list of concrete type arguments they are called with";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var generic = new HashMap<String, Decl.FunctionDecl>();
        for (Decl.FunctionDecl f : program.all(Decl.FunctionDecl.class)) {
            if (!f.typeParams().isEmpty()) {
                generic.put(key(f.name(), f.params().size()), f);
            }
        }
        if (generic.isEmpty()) {
            return program;
        }
        var specializer = new Specializer(generic, FreshNames.of(program));
        var out = new ArrayList<Decl>();
        for (Decl d : program.decls()) {
            if (Decls.isBundled(d)) {
                out.add(d);
                continue;
            }
            List<Decl> rewritten = specializer.decl(d);
            out.addAll(specializer.pending);
            specializer.pending.clear();
            out.addAll(rewritten);
        }
        return new Program(out);
    }

    private static String key(String name, int arity) {
        return name + "/" + arity;
    }

    private record Instance(String key, List<Type> typeArgs) {}

    private static final class Specializer extends IrRewriter {
        private final Map<String, Decl.FunctionDecl> generic;
        private final FreshNames names;
        private final Map<Instance, String> done = new HashMap<>();
        final List<Decl> pending = new ArrayList<>();

        Specializer(Map<String, Decl.FunctionDecl> generic, FreshNames names) {
            this.generic = generic;
            this.names = names;
        }

        @Override
        public Expr call(Call c) {
            Expr rebuilt = super.call(c);
            if (!(rebuilt instanceof Call.FunctionCall f) || f.typeArgs().isEmpty()
                    || f.typeArgs().stream().anyMatch(TypeSubst::isGeneric)) {
                return rebuilt;
            }
            Decl.FunctionDecl decl = generic.get(key(f.function(), f.args().size()));
            if (decl == null) {
                return rebuilt;
            }
            String name = specialization(decl, f.typeArgs());
            return new Call.FunctionCall(name, List.of(), f.args(), f.type(), f.span());
        }

        private String specialization(Decl.FunctionDecl decl, List<Type> typeArgs) {
            var instance = new Instance(key(decl.name(), decl.params().size()), typeArgs);
            String known = done.get(instance);
            if (known != null) {
                return known;
            }
            String name = names.fresh(TypeNames.specialized(decl.name(), typeArgs));
            done.put(instance, name);
            var subst = TypeSubst.of(decl.typeParams(), typeArgs);
            var substituted = new IrRewriter() {
                @Override
                public Type type(Type t) {
                    return subst.apply(t);
                }
            }.function(decl);
            Decl.FunctionDecl copy = function(new Decl.FunctionDecl(name, List.of(), substituted.returnType(),
                    substituted.params(), substituted.body(), decl.annotations(), Copies.span(decl)));
            pending.add(copy);
            return name;
        }
    }
}
