package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
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
 * Replaces tuple types by structs ({@code tuple<bit<8>, bool>} becomes {@code struct tuple_0
 * { bit<8> f0; bool f1; }}, one per distinct tuple type, declared before its first use), tuple
 * values by struct values and {@code t[i]} by {@code t.fi}, so that later passes and backends deal
 * with structs only. Compile-time tuples stay: those in {@code list<…>} types and with {@code int}
 * elements (and the values of those types), and the elements of value sets (their select keys are
 * tuples).
 */
public final class EliminateTuples implements Pass {
    @Override
    public String name() {
        return "eliminate-tuples";
    }

    @Override
    public String summary() {
        return "replace tuple types, values and element accesses by generated structs";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var mapper = new Structs(FreshNames.of(program));
        var rewriter = new IrRewriter() {
            @Override
            public Type type(Type t) {
                return Types.compileTimeOnly(t) ? t : mapper.map(t);
            }

            @Override
            public List<Decl> decl(Decl d) {
                if (d instanceof Decl.ValueSetDecl) {
                    return List.of(d);
                }
                return super.decl(d);
            }


            @Override
            public Expr expr(Expr e) {
                if (Types.compileTimeOnly(e.type())) {
                    return e;
                }
                Expr r = super.expr(e);
                if (r instanceof Expr.TupleValue tv && tv.type() instanceof Type.Struct s) {
                    return new Expr.StructValue(s, tv.elements(), tv.span());
                }
                if (r instanceof Expr.TupleElement te && te.tuple().type() instanceof Type.Struct s) {
                    return new Expr.Member(te.tuple(), s.fields().get(te.index()).name(), te.type(), te.span());
                }
                return r;
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

    private static final class Structs extends TypeMapper {
        private final FreshNames names;
        private final Map<Type, Type.Struct> made = new HashMap<>();
        final List<Decl> pending = new ArrayList<>();

        Structs(FreshNames names) {
            this.names = names;
        }

        @Override
        protected Type rewrite(Type t) {
            if (!(t instanceof Type.Tuple tu) || dev.p4ebpf.ir.TypeSubst.isGeneric(tu)) {
                return t;
            }
            Type.Struct known = made.get(tu);
            if (known != null) {
                return known;
            }
            var fields = new ArrayList<Type.Field>();
            for (int i = 0; i < tu.elements().size(); i++) {
                fields.add(new Type.Field("f" + i, tu.elements().get(i)));
            }
            var s = new Type.Struct(names.freshSuffixed("tuple"), List.of(), fields, List.of());
            made.put(tu, s);
            pending.add(new Decl.TypeDecl(s, List.of(), Span.NONE));
            return s;
        }
    }
}
