package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.pass.IrRewriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows one parser's header stacks through its states for {@link UnrollParserLoops}: which
 * stacks are walked with {@code next}/{@code last} (and which others their {@code nextIndex} is
 * copied from or to, by assignments of whole stacks or of structs holding them), and, for a state
 * entered with given indices, the state with constant indices and the indices it leaves with.
 */
final class StackWalker {
    /** Why a parser cannot be unrolled. */
    record Failure(Span span, String what, String why) {}

    /** A state walked with given indices: its rewritten body and transition, and the indices it leaves with. */
    record Walked(List<Stmt> body, ParserState.Transition transition, Map<String, StackVector> targets,
                  ParserState original) {
        ParserState state(String name, Map<String, String> targetNames) {
            ParserState.Transition t = switch (transition) {
                case ParserState.Goto g -> new ParserState.Goto(targetNames.getOrDefault(g.state(), g.state()), g.span());
                case ParserState.Select s -> new ParserState.Select(s.keys(), s.cases().stream().map(c ->
                        new ParserState.SelectCase(c.keySet(), targetNames.getOrDefault(c.state(), c.state()), c.span()))
                        .toList(), s.span());
            };
            return new ParserState(name, body, t, original.annotations(), original.span());
        }
    }

    private final Decl.ParserDecl parser;
    private final Optional<Method> verify;
    private final List<String> stacks;
    private final Map<String, Integer> sizes = new HashMap<>();
    private Failure failure;

    StackWalker(Decl.ParserDecl parser, Program program) {
        this.parser = parser;
        this.verify = program.all(Decl.ExternFunctionDecl.class).stream().map(Decl.ExternFunctionDecl::method)
                .filter(m -> m.name().equals("verify") && m.params().size() == 2).findFirst();
        this.stacks = List.copyOf(relevant());
    }

    Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    List<String> stacks() {
        return stacks;
    }

    private Set<String> relevant() {
        var found = new LinkedHashSet<String>();
        var copies = new ArrayList<String[]>();
        for (ParserState s : parser.states()) {
            new IrRewriter() {
                @Override
                public Expr expr(Expr e) {
                    if (e instanceof Expr.StackProperty sp) {
                        stack(sp.stack(), sp.span()).ifPresent(found::add);
                    }
                    if (e instanceof Call.BuiltinCall b && (b.builtin() == Call.Builtin.PUSH_FRONT
                            || b.builtin() == Call.Builtin.POP_FRONT)) {
                        stack(b.target(), b.span()).ifPresent(found::add);
                    }
                    return super.expr(e);
                }

                @Override
                public List<Stmt> stmt(Stmt st) {
                    if (st instanceof Stmt.Assign a) {
                        Optional<String> d = Paths.key(a.target());
                        Optional<String> v = Paths.key(a.value());
                        if (d.isPresent() && v.isPresent()) {
                            copies.add(new String[] {d.get(), v.get()});
                        }
                    }
                    return super.stmt(st);
                }
            }.stmts(s.body());
        }
        boolean grew = true;
        while (grew && !found.isEmpty()) {
            grew = false;
            for (String[] c : copies) {
                for (String k : List.copyOf(found)) {
                    grew |= under(k, c[0]) && found.add(c[1] + k.substring(c[0].length()));
                    grew |= under(k, c[1]) && found.add(c[0] + k.substring(c[1].length()));
                }
            }
        }
        return found;
    }

    private static boolean under(String key, String prefix) {
        return key.equals(prefix) || key.startsWith(prefix + ".") || key.startsWith(prefix + "[");
    }

    private Optional<String> stack(Expr stack, Span at) {
        Optional<String> k = Paths.key(stack);
        if (k.isEmpty()) {
            fail(at, "a header stack whose position is computed at run time, in parser " + parser.name(),
                    "the parser cannot be unrolled; index it with constants");
        } else if (Types.rep(stack.type()) instanceof Type.Stack st) {
            sizes.put(k.get(), st.size());
        }
        return k;
    }

    private void fail(Span at, String what, String why) {
        if (failure == null) {
            failure = new Failure(at, what, why);
        }
    }

    Walked walk(ParserState s, StackVector entry) {
        var w = new Walk(entry);
        List<Stmt> body = new ArrayList<>();
        for (Stmt st : s.body()) {
            if (w.outOfBounds) {
                break;
            }
            body.addAll(w.stmt(st));
        }
        if (w.outOfBounds) {
            body.add(outOfBounds(s.span()));
            return new Walked(body, new ParserState.Goto(ParserState.REJECT, s.span()), Map.of(), s);
        }
        ParserState.Transition t = w.transition(s.transition());
        if (w.outOfBounds) {
            body.add(outOfBounds(s.span()));
            return new Walked(body, new ParserState.Goto(ParserState.REJECT, s.span()), Map.of(), s);
        }
        var targets = new HashMap<String, StackVector>();
        switch (t) {
            case ParserState.Goto g -> targets.put(g.state(), w.v);
            case ParserState.Select sel -> sel.cases().forEach(c -> targets.put(c.state(), w.v));
        }
        return new Walked(body, t, targets, s);
    }

    private Stmt outOfBounds(Span at) {
        Method m = verify.orElseThrow(() -> new IllegalStateException("no extern verify(in bool, in error) to signal "
                + "StackOutOfBounds with"));
        var args = List.of(Arg.of(m.params().get(0), Exprs.bool(false)),
                Arg.of(m.params().get(1), new Expr.ErrorLit("StackOutOfBounds", at)));
        return new Stmt.CallStmt(new Call.ExternFunctionCall(m, List.of(), args, Type.VOID, at), at);
    }

    /** One walk through a state's statements. */
    private final class Walk extends IrRewriter {
        StackVector v;
        boolean outOfBounds;

        Walk(StackVector entry) {
            this.v = entry;
        }

        @Override
        public List<Stmt> stmt(Stmt s) {
            if (s instanceof Stmt.If i) {
                StackVector before = v;
                List<Stmt> r = super.stmt(s);
                if (!v.equals(before)) {
                    fail(i.span(), "advancing a header stack inside a conditional statement of parser " + parser.name(),
                            "the parser cannot be unrolled; move the extraction into a state of its own");
                }
                return r;
            }
            List<Stmt> r = super.stmt(s);
            if (outOfBounds) {
                return List.of();
            }
            advance(s);
            return r;
        }

        private void advance(Stmt s) {
            if (s instanceof Stmt.CallStmt c && c.call() instanceof Call.MethodCall m && isExtract(m)
                    && !m.args().isEmpty() && m.args().getFirst().value().isPresent()) {
                nextOf(m.args().getFirst().expr()).ifPresent(k -> v = v.with(k, v.get(k) + 1));
            } else if (s instanceof Stmt.CallStmt c && c.call() instanceof Call.BuiltinCall b
                    && (b.builtin() == Call.Builtin.PUSH_FRONT || b.builtin() == Call.Builtin.POP_FRONT)) {
                Optional<String> k = Paths.key(b.target());
                int n = ((Expr.IntLit) b.args().getFirst().expr()).value().intValueExact();
                if (k.isPresent() && stacks.contains(k.get())) {
                    int size = sizes.getOrDefault(k.get(), 0);
                    int cur = v.get(k.get());
                    v = v.with(k.get(), b.builtin() == Call.Builtin.PUSH_FRONT ? Math.min(size, cur + n)
                            : Math.max(0, cur - n));
                }
            } else if (s instanceof Stmt.Assign a) {
                copy(Paths.key(a.target()), Paths.key(a.value()));
            } else if (s instanceof Stmt.VarDecl d) {
                Optional<String> target = Paths.key(new Expr.Var(d.name(), d.type(), Expr.Frame.CONTAINER, d.span()));
                copy(target, d.init().flatMap(Paths::key));
            }
        }

        private void copy(Optional<String> dst, Optional<String> src) {
            if (dst.isEmpty()) {
                return;
            }
            for (String k : stacks) {
                if (under(k, dst.get())) {
                    String suffix = k.substring(dst.get().length());
                    v = v.with(k, src.map(s -> v.get(s + suffix)).orElse(0));
                }
            }
        }

        /** The stack whose {@code next} element {@code arg} is (or is a member of), if any. */
        private Optional<String> nextOf(Expr original) {
            Expr e = original;
            while (e instanceof Expr.Member m) {
                e = m.base();
            }
            return e instanceof Expr.StackProperty sp && sp.property() == Expr.StackProp.NEXT
                    ? Paths.key(sp.stack()).filter(stacks::contains) : Optional.empty();
        }

        @Override
        public Expr expr(Expr e) {
            if (!(e instanceof Expr.StackProperty sp)) {
                return super.expr(e);
            }
            Expr stack = expr(sp.stack());
            Optional<String> k = Paths.key(sp.stack());
            if (k.isEmpty() || !stacks.contains(k.get())) {
                return e;
            }
            int n = v.get(k.get());
            int size = sizes.getOrDefault(k.get(), 0);
            return switch (sp.property()) {
                case NEXT -> {
                    if (n >= size) {
                        outOfBounds = true;
                    }
                    yield element(stack, n, sp);
                }
                case LAST -> {
                    if (n < 1 || n > size) {
                        outOfBounds = true;
                    }
                    yield element(stack, Math.max(n - 1, 0), sp);
                }
                case LAST_INDEX -> new Expr.IntLit(BigInteger.valueOf(Math.max(n - 1, 0)), Type.Bits.unsigned(32),
                        sp.span());
            };
        }

        private Expr element(Expr stack, int i, Expr.StackProperty sp) {
            return new Expr.StackElement(stack, new Expr.IntLit(BigInteger.valueOf(i), Type.Bits.unsigned(32),
                    sp.span()), sp.type(), sp.span());
        }
    }

    static boolean isExtract(Call.MethodCall m) {
        return m.method().name().equals("extract") && m.target().type() instanceof Type.Extern e
                && e.name().equals("packet_in");
    }
}
