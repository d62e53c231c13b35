package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
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
 * Inlines every call of a function declared in the program (see {@link CallableInliner}): a call
 * statement, the value of an assignment, or the initializer of a variable — the only places
 * {@link OrderSideEffects} leaves calls in. Functions are inlined into each other first, in
 * declaration order (a function can only call functions declared before it). The functions
 * themselves are left for {@link RemoveUnusedDeclarations}.
 */
public final class InlineFunctions implements Pass {
    @Override
    public String name() {
        return "inline-functions";
    }

    @Override
    public String summary() {
        return "inline function calls with copy-in/copy-out of their arguments";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        if (program.all(Decl.FunctionDecl.class).stream().allMatch(Decls::isBundled)) {
            return program;
        }
        var inliner = new Inliner(FreshNames.of(program));
        var out = new ArrayList<Decl>();
        for (Decl d : program.decls()) {
            if (Decls.isBundled(d) || !Decls.typeParams(d).isEmpty() && !(d instanceof Decl.ExternDecl)) {
                out.add(d);
                if (d instanceof Decl.FunctionDecl f) {
                    inliner.functions.put(key(f.name(), f.params().size()), f);
                }
                continue;
            }
            List<Decl> rewritten = inliner.decl(d);
            for (Decl r : rewritten) {
                if (r instanceof Decl.FunctionDecl f) {
                    inliner.functions.put(key(f.name(), f.params().size()), f);
                }
            }
            out.addAll(rewritten);
        }
        return new Program(out);
    }

    private static String key(String name, int arity) {
        return name + "/" + arity;
    }

    private static final class Inliner extends IrRewriter {
        private final FreshNames names;
        final Map<String, Decl.FunctionDecl> functions = new HashMap<>();

        Inliner(FreshNames names) {
            this.names = names;
        }

        @Override
        public List<Stmt> stmt(Stmt s) {
            Stmt r = super.stmt(s).getFirst();
            return switch (r) {
                case Stmt.CallStmt c when c.call() instanceof Call.FunctionCall f -> inline(f, Optional.empty());
                case Stmt.Assign a when a.value() instanceof Call.FunctionCall f -> inline(f, Optional.of(a.target()));
                case Stmt.VarDecl v when v.init().isPresent() && v.init().get() instanceof Call.FunctionCall f -> {
                    var out = new ArrayList<Stmt>();
                    out.add(new Stmt.VarDecl(v.name(), v.type(), Optional.empty(), v.annotations(), v.span()));
                    out.addAll(inline(f, Optional.of(new Expr.Var(v.name(), v.type(), frame(), v.span()))));
                    yield out;
                }
                default -> List.of(r);
            };
        }

        private List<Stmt> inline(Call.FunctionCall f, Optional<Expr> target) {
            Decl.FunctionDecl decl = functions.get(key(f.function(), f.args().size()));
            if (decl == null) {
                throw new IllegalStateException("call of function " + f.function() + " declared after its use");
            }
            var callee = new CallableInliner.Callee(decl.params(), decl.returnType(), decl.body(), false);
            return List.of(CallableInliner.inline(callee, f.args(), target, frame(), names, f.span()));
        }
    }
}
