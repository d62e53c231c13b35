package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.pass.Decls;
import dev.p4ebpf.ir.pass.FreshNames;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inlines direct action calls ({@code a(x);} in an apply block or another action) with
 * copy-in/copy-out of their arguments, directionless parameters behaving as {@code in} (see
 * {@link CallableInliner}). Actions are inlined into each other first, in declaration order. The
 * actions stay declared for the tables that use them; unused ones are left for
 * {@link RemoveUnusedDeclarations}.
 */
public final class InlineActions implements Pass {
    @Override
    public String name() {
        return "inline-actions";
    }

    @Override
    public String summary() {
        return "inline direct action calls with copy-in/copy-out of their arguments";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var inliner = new Inliner(FreshNames.of(program));
        var out = new ArrayList<Decl>();
        for (Decl d : program.decls()) {
            if (Decls.isBundled(d) || !Decls.typeParams(d).isEmpty() && !(d instanceof Decl.ExternDecl)) {
                out.add(d);
                if (d instanceof Decl.ActionDecl a) {
                    inliner.globals.put(a.name(), a);
                }
                continue;
            }
            for (Decl r : inliner.decl(d)) {
                if (r instanceof Decl.ActionDecl a) {
                    inliner.globals.put(a.name(), a);
                }
                out.add(r);
            }
        }
        return new Program(out);
    }

    private static final class Inliner extends IrRewriter {
        private final FreshNames names;
        final Map<String, Decl.ActionDecl> globals = new HashMap<>();
        private final Map<String, Decl.ActionDecl> locals = new HashMap<>();

        Inliner(FreshNames names) {
            this.names = names;
        }

        @Override
        public Decl.ControlDecl control(Decl.ControlDecl c) {
            locals.clear();
            return super.control(c);
        }

        @Override
        public List<Decl> decl(Decl d) {
            List<Decl> out = super.decl(d);
            if (container().isPresent()) {
                for (Decl r : out) {
                    if (r instanceof Decl.ActionDecl a) {
                        locals.put(a.name(), a);
                    }
                }
            }
            return out;
        }

        @Override
        public List<Stmt> stmt(Stmt s) {
            Stmt r = super.stmt(s).getFirst();
            if (r instanceof Stmt.CallStmt c && c.call() instanceof Call.ActionCall a) {
                Decl.ActionDecl decl = a.global() ? globals.get(a.action()) : locals.get(a.action());
                if (decl == null) {
                    throw new IllegalStateException("call of action " + a.action() + " declared after its use");
                }
                var callee = new CallableInliner.Callee(decl.params(), dev.p4ebpf.ir.Type.VOID, decl.body(), true);
                return List.of(CallableInliner.inline(callee, a.args(), Optional.empty(), frame(), names, a.span()));
            }
            return List.of(r);
        }
    }
}
