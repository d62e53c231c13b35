package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.pass.Decls;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Removes code that cannot run or whose result nothing reads: the branch an {@code if} with a
 * literal condition does not take, empty statements and blocks (nested blocks are spliced into
 * their parent — names are unique per frame), {@code if}s and {@code action_run} switches whose
 * branches are all empty (a table application stays as {@code t.apply();}), local variables never
 * read together with the assignments to them (a call assigned to one stays, as a call statement),
 * {@code select}s on literal keys (they become plain transitions) and parser states no longer
 * reachable from {@code start}. Parameters are never removed: they are how results leave a block.
 */
public final class EliminateDeadCode implements Pass {
    private final String name;

    /** The pass under the name {@code name} (it runs more than once in the pipeline). */
    public EliminateDeadCode(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return "remove untaken branches, empty code, unread local variables and unreachable parser states";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var out = new ArrayList<Decl>();
        for (Decl d : program.decls()) {
            if (Decls.isBundled(d)) {
                out.add(d);
            } else if (d instanceof Decl.ControlDecl || d instanceof Decl.ParserDecl) {
                Decl x = new Simplifier().decl(d).getFirst();
                for (int round = 0; round < 8; round++) {
                    Decl y = UnreadVariables.remove(x);
                    if (y == x) {
                        break;
                    }
                    x = new Simplifier().decl(y).getFirst();
                }
                out.add(x instanceof Decl.ParserDecl p ? reachable(p) : x);
            } else {
                out.add(d);
            }
        }
        return new Program(out);
    }

    /** Statement-level simplification. */
    private static final class Simplifier extends IrRewriter {
        @Override
        public Stmt.Block block(Stmt.Block b) {
            List<Stmt> ss = stmts(b.statements());
            return new Stmt.Block(ss, b.annotations(), b.span());
        }

        @Override
        public List<Stmt> stmt(Stmt s) {
            Stmt r = super.stmt(s).getFirst();
            return switch (r) {
                case Stmt.Empty e -> List.of();
                case Stmt.Assign a when a.target().equals(a.value()) && Exprs.isPath(a.target())
                        && !(Types.rep(a.target().type()) instanceof dev.p4ebpf.ir.Type.Header) -> List.of();
                case Stmt.Block b when b.annotations().isEmpty() -> b.statements();
                case Stmt.If i -> conditional(i);
                case Stmt.Switch sw when Exprs.appliedTable(sw.subject()).isPresent()
                        && sw.cases().stream().allMatch(c -> c.body().map(x -> x.statements().isEmpty()).orElse(true)) ->
                        List.of(new Stmt.CallStmt(Exprs.appliedTable(sw.subject()).get(), sw.span()));
                default -> List.of(r);
            };
        }

        private static List<Stmt> conditional(Stmt.If i) {
            if (i.condition() instanceof Expr.BoolLit b) {
                Optional<Stmt> taken = b.value() ? Optional.of(i.then()) : i.otherwise();
                return taken.map(Simplifier::spliced).orElse(List.of());
            }
            boolean thenEmpty = isEmpty(i.then());
            boolean elseEmpty = i.otherwise().map(Simplifier::isEmpty).orElse(true);
            if (thenEmpty && elseEmpty) {
                Optional<Call.TableApply> t = Exprs.appliedTable(i.condition());
                return t.isPresent() ? List.of(new Stmt.CallStmt(t.get(), i.span())) : List.of();
            }
            if (!elseEmpty || i.otherwise().isEmpty()) {
                return List.of(i);
            }
            return List.of(new Stmt.If(i.condition(), i.then(), Optional.empty(), i.span()));
        }

        private static List<Stmt> spliced(Stmt s) {
            return s instanceof Stmt.Block b && b.annotations().isEmpty() ? b.statements() : List.of(s);
        }

        private static boolean isEmpty(Stmt s) {
            return s instanceof Stmt.Empty || s instanceof Stmt.Block b && b.annotations().isEmpty()
                    && b.statements().stream().allMatch(Simplifier::isEmpty);
        }
    }

    /** The parser with {@code select}s on literals resolved and unreachable states dropped. */
    private static Decl.ParserDecl reachable(Decl.ParserDecl p) {
        var states = new HashMap<String, ParserState>();
        for (ParserState s : p.states()) {
            states.put(s.name(), resolved(s));
        }
        Set<String> seen = new HashSet<>();
        var work = new ArrayDeque<String>();
        work.add(ParserState.START);
        while (!work.isEmpty()) {
            String n = work.poll();
            ParserState s = states.get(n);
            if (s == null || !seen.add(n)) {
                continue;
            }
            switch (s.transition()) {
                case ParserState.Goto g -> work.add(g.state());
                case ParserState.Select sel -> sel.cases().forEach(c -> work.add(c.state()));
            }
        }
        var out = new ArrayList<ParserState>();
        for (ParserState s : p.states()) {
            if (seen.contains(s.name())) {
                out.add(states.get(s.name()));
            }
        }
        return new Decl.ParserDecl(p.name(), p.typeParams(), p.applyParams(), p.ctorParams(), p.locals(), out,
                p.annotations(), p.span());
    }

    private static ParserState resolved(ParserState s) {
        if (!(s.transition() instanceof ParserState.Select sel) || !sel.keys().stream().allMatch(Exprs::isLiteral)) {
            return s;
        }
        for (ParserState.SelectCase c : sel.cases()) {
            Optional<Boolean> m = Selects.matches(c.keySet(), sel.keys());
            if (m.isEmpty()) {
                return s;
            }
            if (m.get()) {
                return new ParserState(s.name(), s.body(), new ParserState.Goto(c.state(), sel.span()), s.annotations(),
                        s.span());
            }
        }
        return s;
    }
}
