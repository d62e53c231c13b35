package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.pass.Decls;
import dev.p4ebpf.ir.pass.FreshNames;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import dev.p4ebpf.ir.print.ExprPrinter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes table keys that are not plain fields or variables ({@code h.f & 0xff},
 * {@code h.isValid()}, casts, calls) into control-local variables, assigned just before each
 * application of the table (which {@link OrderSideEffects} left as a statement of its own); the key
 * then reads the variable. A key with side effects is evaluated in order like any expression (see
 * {@link Lifter}). Every key keeps its control-plane name (see {@link NameTableKeys}).
 */
public final class ComputeTableKeys implements Pass {
    @Override
    public String name() {
        return "compute-table-keys";
    }

    @Override
    public String summary() {
        return "compute non-field table keys into locals assigned before each apply";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var names = FreshNames.of(program);
        var out = new ArrayList<Decl>();
        for (Decl d : program.decls()) {
            out.add(d instanceof Decl.ControlDecl c && !Decls.isBundled(d) ? control(c, names) : d);
        }
        return new Program(out);
    }

    private static Decl.ControlDecl control(Decl.ControlDecl c, FreshNames names) {
        var computations = new HashMap<String, List<Stmt>>();
        var locals = new ArrayList<Decl>();
        for (Decl d : c.locals()) {
            if (!(d instanceof Decl.TableDecl t) || t.keys().stream().allMatch(k -> Exprs.isPath(k.expr()))) {
                locals.add(d);
                continue;
            }
            var keys = new ArrayList<Table.Key>();
            var assigns = new ArrayList<Stmt>();
            for (Table.Key k : t.keys()) {
                if (Exprs.isPath(k.expr())) {
                    keys.add(k);
                    continue;
                }
                var v = new Expr.Var(names.fresh(t.name() + "_key"), k.expr().type(), Expr.Frame.CONTAINER, k.span());
                locals.add(new Decl.VarDecl(v.name(), v.type(), Optional.empty(), List.of(), k.span()));
                var lifter = new Lifter(names, Expr.Frame.CONTAINER);
                Expr value = k.expr() instanceof Call call ? lifter.call(call).call() : lifter.pure(k.expr());
                assigns.addAll(lifter.before);
                assigns.add(new Stmt.Assign(v, value, k.span()));
                var annotations = ControlPlaneNames.of(k.annotations()).isPresent() ? k.annotations()
                        : ControlPlaneNames.with(k.annotations(), ExprPrinter.expr(k.expr()));
                keys.add(new Table.Key(v, k.matchKind(), annotations, k.span()));
            }
            computations.put(t.name(), assigns);
            locals.add(new Decl.TableDecl(t.name(), keys, t.actions(), t.defaultAction(), t.entries(), t.properties(),
                    t.annotations(), t.span()));
        }
        if (computations.isEmpty()) {
            return c;
        }
        Stmt.Block body = new Before(computations).block(c.body());
        return new Decl.ControlDecl(c.name(), c.typeParams(), c.applyParams(), c.ctorParams(), locals, body,
                c.annotations(), c.span());
    }

    /** Puts the key computations before each statement that applies the table. */
    private static final class Before extends IrRewriter {
        private final Map<String, List<Stmt>> computations;

        Before(Map<String, List<Stmt>> computations) {
            this.computations = computations;
        }

        @Override
        public List<Stmt> stmt(Stmt s) {
            List<Stmt> r = super.stmt(s);
            Optional<String> table = applied(s);
            if (table.isEmpty() || !computations.containsKey(table.get())) {
                return r;
            }
            var out = new ArrayList<>(computations.get(table.get()));
            out.addAll(r);
            return out;
        }

        /**
         * The table a statement applies, as {@link OrderSideEffects} leaves applications: a call
         * statement, the (possibly negated) condition of an {@code if}, the subject of a switch, or
         * the value of an assignment or initializer.
         */
        private static Optional<String> applied(Stmt s) {
            Expr e = switch (s) {
                case Stmt.CallStmt c -> c.call();
                case Stmt.If i -> i.condition();
                case Stmt.Switch sw -> sw.subject();
                case Stmt.Assign a -> a.value();
                case Stmt.VarDecl v -> v.init().orElse(null);
                default -> null;
            };
            while (e instanceof Expr.Unary u && u.op() == Expr.UnOp.NOT) {
                e = u.operand();
            }
            if (e instanceof Expr.Member m) {
                e = m.base();
            }
            return e instanceof Call.TableApply t ? Optional.of(t.table()) : Optional.empty();
        }
    }
}
