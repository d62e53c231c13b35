package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.pass.Decls;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops what nothing uses any more: top-level functions, actions, parsers, controls and generic
 * types that no kept declaration refers to (after specialization and inlining, that is most of
 * them), and actions local to a control that neither a table nor a call names. Declarations from
 * the bundled include files are the architecture's and always stay, used or not, as do types,
 * externs, constants and instances.
 */
public final class RemoveUnusedDeclarations implements Pass {
    private final String name;

    /** The pass under the name {@code name} (it runs more than once in the pipeline). */
    public RemoveUnusedDeclarations(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return "drop functions, actions, parsers, controls and generic types nothing refers to";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var kept = new ArrayList<Decl>();
        Set<Decl> candidates = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Decl d : program.decls()) {
            (removable(d) ? candidates : kept).add(d);
        }
        var pending = new ArrayList<>(kept);
        while (!pending.isEmpty()) {
            var refs = new References();
            pending.forEach(refs::decl);
            pending.clear();
            for (var it = candidates.iterator(); it.hasNext(); ) {
                Decl c = it.next();
                if (refs.names.contains(c.name())) {
                    pending.add(c);
                    it.remove();
                }
            }
        }
        var out = new ArrayList<Decl>();
        for (Decl d : program.decls()) {
            if (!candidates.contains(d)) {
                out.add(d instanceof Decl.ControlDecl c ? withoutUnusedActions(c) : d);
            }
        }
        return out.equals(program.decls()) ? program : new Program(out);
    }

    private static boolean removable(Decl d) {
        if (Decls.isBundled(d)) {
            return false;
        }
        return d instanceof Decl.FunctionDecl || d instanceof Decl.ActionDecl || d instanceof Decl.ParserDecl
                || d instanceof Decl.ControlDecl || d instanceof Decl.TypeDecl t && !t.typeParams().isEmpty();
    }

    private static Decl.ControlDecl withoutUnusedActions(Decl.ControlDecl c) {
        var refs = new References();
        refs.decl(c);
        var locals = new ArrayList<Decl>();
        for (Decl d : c.locals()) {
            if (!(d instanceof Decl.ActionDecl a) || refs.localActions.contains(a.name())) {
                locals.add(d);
            }
        }
        return locals.size() == c.locals().size() ? c : new Decl.ControlDecl(c.name(), c.typeParams(),
                c.applyParams(), c.ctorParams(), locals, c.body(), c.annotations(), c.span());
    }

    /** The names a declaration refers to: callees, actions, block and generic type names. */
    private static final class References extends IrRewriter {
        final Set<String> names = new HashSet<>();
        final Set<String> localActions = new HashSet<>();
        private final TypeNamesCollector types = new TypeNamesCollector(names);

        @Override
        public Type type(Type t) {
            types.map(t);
            return t;
        }

        @Override
        public Expr call(Call c) {
            switch (c) {
                case Call.FunctionCall f -> names.add(f.function());
                case Call.ActionCall a -> (a.global() ? names : localActions).add(a.action());
                case Call.ConstructorCall k -> type(k.type());
                case Call.ExternFunctionCall f -> { }
                case Call.MethodCall m -> { }
                case Call.BuiltinCall b -> { }
                case Call.TableApply t -> { }
                case Call.ApplyCall a -> { }
            }
            return super.call(c);
        }

        @Override
        public Table.ActionRef actionRef(Table.ActionRef a) {
            (a.global() ? names : localActions).add(a.action());
            return super.actionRef(a);
        }

        @Override
        public Stmt.Case switchCase(Stmt.Case c) {
            if (c.label() instanceof Stmt.ActionLabel l) {
                localActions.add(l.action());
            }
            return super.switchCase(c);
        }

    }

    /** Records the names of blocks and of generic types instantiated, deep inside a type. */
    private static final class TypeNamesCollector extends dev.p4ebpf.ir.pass.TypeMapper {
        private final Set<String> names;

        TypeNamesCollector(Set<String> names) {
            this.names = names;
        }

        @Override
        protected Type rewrite(Type t) {
            if (t instanceof Type.Block b) {
                names.add(b.name());
            } else if (t instanceof Type.Fielded f && !f.typeArgs().isEmpty()) {
                names.add(f.name());
            }
            return t;
        }
    }
}
