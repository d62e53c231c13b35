package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.pass.FreshNames;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates every {@code in} argument that is neither a literal nor a variable or field into a
 * temporary just before the call ({@code verify(h.len > 5, …)} becomes {@code bool tmp = h.len > 5;
 * verify(tmp, …)}), so that a backend passes only storage locations and constants. The arguments
 * have no effects (see {@link OrderSideEffects}), so evaluating them a moment earlier is the same.
 */
public final class SimplifyCallArguments implements Pass {
    @Override
    public String name() {
        return "simplify-call-arguments";
    }

    @Override
    public String summary() {
        return "evaluate computed in-arguments of calls into temporaries";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var names = FreshNames.of(program);
        return new IrRewriter() {
            @Override
            public List<Stmt> stmt(Stmt s) {
                Stmt r = super.stmt(s).getFirst();
                var before = new ArrayList<Stmt>();
                Stmt out = switch (r) {
                    case Stmt.CallStmt c -> new Stmt.CallStmt(simplified(c.call(), before), c.span());
                    case Stmt.Assign a when a.value() instanceof Call c ->
                            new Stmt.Assign(a.target(), simplified(c, before), a.span());
                    case Stmt.VarDecl v when v.init().isPresent() && v.init().get() instanceof Call c ->
                            new Stmt.VarDecl(v.name(), v.type(), Optional.of(simplified(c, before)), v.annotations(),
                                    v.span());
                    default -> r;
                };
                if (before.isEmpty()) {
                    return List.of(r);
                }
                before.add(out);
                return before;
            }

            private Call simplified(Call c, List<Stmt> before) {
                var args = new ArrayList<Arg>();
                boolean changed = false;
                for (Arg a : c.args()) {
                    if (a.value().isPresent() && a.param().direction() == Direction.IN && needsTemp(a.expr())) {
                        String n = names.fresh("arg");
                        Expr v = a.expr();
                        before.add(new Stmt.VarDecl(n, v.type(), Optional.of(v), List.of(), v.span()));
                        args.add(Arg.of(a.param(), new Expr.Var(n, v.type(), frame(), v.span())));
                        changed = true;
                    } else {
                        args.add(a);
                    }
                }
                return changed ? Calls.withArgs(c, args) : c;
            }
        }.program(program);
    }

    private static boolean needsTemp(Expr e) {
        return !Exprs.isLiteral(e) && !Exprs.isPath(e) && !(e.type() instanceof Type.Extern)
                && !(e instanceof Expr.DontCareArg);
    }
}
