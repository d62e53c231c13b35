package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
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
import dev.p4ebpf.ir.pass.TypeMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Specializes parsers and controls: each generic one instantiated with concrete type arguments, and
 * each one instantiated at the top level with constructor arguments (the blocks a package such as
 * {@code main} is built from), gets a copy with the type parameters substituted and the constructor
 * parameters bound — compile-time values put in place of their uses (and folded), extern and block
 * constructor calls turned into local instances. The copy keeps the original's control-plane name
 * through {@code @name}. Constructor arguments of instances local to a parser or control are bound
 * later, by the inliner, where the instance's surroundings are known.
 */
public final class SpecializeBlocks implements Pass {
    @Override
    public String name() {
        return "specialize-blocks";
    }

    @Override
    public String summary() {
        return "copy parsers and controls per concrete type arguments and top-level constructor arguments";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var blocks = new HashMap<String, Decl>();
        for (Decl d : program.decls()) {
            if (d instanceof Decl.ParserDecl || d instanceof Decl.ControlDecl) {
                blocks.put(d.name(), d);
            }
        }
        var s = new Specializer(blocks, FreshNames.of(program));
        var out = new ArrayList<Decl>();
        for (Decl d : program.decls()) {
            if (Decls.isBundled(d)) {
                out.add(d);
                continue;
            }
            List<Decl> rewritten = s.topLevel(d);
            out.addAll(s.pending);
            s.pending.clear();
            out.addAll(rewritten);
        }
        return new Program(out);
    }

    private record Instance(String block, List<Type> typeArgs, List<Arg> ctorArgs) {}

    private static final class Specializer extends IrRewriter {
        private final Map<String, Decl> blocks;
        private final FreshNames names;
        private final Map<Instance, String> done = new HashMap<>();
        final List<Decl> pending = new ArrayList<>();
        private final TypeMapper typeArgs = new TypeMapper() {
            @Override
            protected Type rewrite(Type t) {
                if (t instanceof Type.Block b && !b.typeArgs().isEmpty() && blocks.containsKey(b.name())
                        && b.typeArgs().stream().noneMatch(TypeSubst::isGeneric)) {
                    String name = specialization(new Instance(b.name(), b.typeArgs(), List.of()));
                    return new Type.Block(b.kind(), name, List.of(), b.applyParams());
                }
                return t;
            }
        };

        Specializer(Map<String, Decl> blocks, FreshNames names) {
            this.blocks = blocks;
            this.names = names;
        }

        @Override
        public Type type(Type t) {
            return typeArgs.map(t);
        }

        /** A top-level declaration: block instances in it with constructor arguments are specialized too. */
        List<Decl> topLevel(Decl d) {
            if (d instanceof Decl.InstanceDecl i) {
                return List.of(topLevelInstance(i));
            }
            return decl(d);
        }

        private Decl topLevelInstance(Decl.InstanceDecl i) {
            List<Arg> args = map(i.args(), this::topLevelArg);
            Optional<Type.Block> spec = withCtorArgs(i.type(), args);
            if (spec.isPresent()) {
                return new Decl.InstanceDecl(i.name(), spec.get(), List.of(), map(i.implementations(), this::function),
                        i.annotations(), i.span());
            }
            return instance(args == i.args() ? i
                    : new Decl.InstanceDecl(i.name(), i.type(), args, i.implementations(), i.annotations(), i.span()));
        }

        /** A constructor argument of a top-level instance: block constructor calls in it are specialized. */
        private Arg topLevelArg(Arg a) {
            if (a.value().isEmpty() || !(a.value().get() instanceof Call.ConstructorCall k)) {
                return arg(a);
            }
            List<Arg> inner = map(k.args(), this::topLevelArg);
            Type kt = inferred(k.type(), a.param().type());
            Optional<Type.Block> spec = withCtorArgs(kt, inner);
            Expr call = spec.isPresent() ? new Call.ConstructorCall(spec.get(), List.of(), k.span())
                    : new Call.ConstructorCall(type(kt), inner, k.span());
            return Arg.of(param(a.param()), call);
        }

        /**
         * A generic parser or control type passed without type arguments, with the type arguments the
         * parameter it is passed for fixes; any other type as it is.
         */
        private Type inferred(Type t, Type param) {
            if (!(t instanceof Type.Block b) || !blocks.containsKey(b.name())
                    || b.typeArgs().stream().noneMatch(TypeSubst::isGeneric) || !(param instanceof Type.Block p)) {
                return t;
            }
            var bindings = new HashMap<String, Type>();
            if (!Unify.params(b.applyParams(), p.applyParams(), bindings)) {
                return t;
            }
            var subst = new TypeSubst(bindings);
            List<Type> typeArgs = subst.types(b.typeArgs());
            if (typeArgs.stream().anyMatch(TypeSubst::isGeneric)) {
                return t;
            }
            return new Type.Block(b.kind(), b.name(), typeArgs, subst.params(b.applyParams()));
        }

        /** The specialization of a parser or control type instantiated with these (rewritten) constructor arguments. */
        private Optional<Type.Block> withCtorArgs(Type t, List<Arg> args) {
            if (!(t instanceof Type.Block b) || !blocks.containsKey(b.name()) || args.isEmpty()) {
                return Optional.empty();
            }
            String name = specialization(new Instance(b.name(), types(b.typeArgs()), args));
            return Optional.of(new Type.Block(b.kind(), name, List.of(), params(b.applyParams())));
        }

        private String specialization(Instance instance) {
            String known = done.get(instance);
            if (known != null) {
                return known;
            }
            Decl original = blocks.get(instance.block());
            String name = names.fresh(instance.typeArgs().isEmpty() ? instance.block()
                    : TypeNames.specialized(instance.block(), instance.typeArgs()));
            done.put(instance, name);
            Decl copy = BlockCopies.specialize(original, name, instance.typeArgs(), instance.ctorArgs());
            pending.add(decl(copy).getFirst());
            return name;
        }
    }
}
