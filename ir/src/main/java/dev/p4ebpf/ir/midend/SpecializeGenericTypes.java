package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Decl;
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

/**
 * Replaces every use of a generic struct, header or header union with concrete type arguments
 * ({@code Header<S>}) by a new non-generic declaration ({@code struct Header_S}), declared just
 * before the first declaration that uses it (after the ones it uses in turn). The generic
 * declarations themselves become unused.
 */
public final class SpecializeGenericTypes implements Pass {
    @Override
    public String name() {
        return "specialize-generic-types";
    }

    @Override
    public String summary() {
        return "declare a concrete struct/header/union for each use of a generic one with type arguments";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var generic = new HashMap<String, Decl.TypeDecl>();
        for (Decl.TypeDecl t : program.all(Decl.TypeDecl.class)) {
            if (!t.typeParams().isEmpty()) {
                generic.put(t.name(), t);
            }
        }
        if (generic.isEmpty()) {
            return program;
        }
        var mapper = new Specializer(generic, FreshNames.of(program));
        var rewriter = new IrRewriter() {
            @Override
            public Type type(Type t) {
                return mapper.map(t);
            }
        };
        var out = new ArrayList<Decl>();
        for (Decl d : program.decls()) {
            if (Decls.isBundled(d)) {
                out.add(d);
                continue;
            }
            List<Decl> rewritten = rewriter.decl(d);
            out.addAll(mapper.pending);
            mapper.pending.clear();
            out.addAll(rewritten);
        }
        return new Program(out);
    }

    /** Maps generic type instances to their specializations, declaring each the first time it is met. */
    private static final class Specializer extends TypeMapper {
        private final Map<String, Decl.TypeDecl> generic;
        private final FreshNames names;
        private final Map<Type, Type> specialized = new HashMap<>();
        final List<Decl> pending = new ArrayList<>();

        Specializer(Map<String, Decl.TypeDecl> generic, FreshNames names) {
            this.generic = generic;
            this.names = names;
        }

        @Override
        protected Type rewrite(Type t) {
            if (!(t instanceof Type.Fielded f) || f.typeArgs().isEmpty() || !generic.containsKey(f.name())
                    || f.typeArgs().stream().anyMatch(TypeSubst::isGeneric)) {
                return t;
            }
            Type known = specialized.get(t);
            if (known != null) {
                return known;
            }
            String name = names.fresh(TypeNames.specialized(f.name(), f.typeArgs()));
            Type s = switch (f) {
                case Type.Struct st -> new Type.Struct(name, List.of(), st.fields(), st.annotations());
                case Type.Header h -> new Type.Header(name, List.of(), h.fields(), h.annotations());
                case Type.HeaderUnion u -> new Type.HeaderUnion(name, List.of(), u.fields(), u.annotations());
            };
            specialized.put(t, s);
            pending.add(new Decl.TypeDecl(s, List.of(), Copies.span(generic.get(f.name()))));
            return s;
        }
    }
}
