package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.pass.Decls;
import dev.p4ebpf.ir.pass.FreshNames;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inlines sub-parser applications as the spec describes them: the state applying the sub-parser is
 * split in two at the call, the top half copies the arguments in and goes to (a renamed copy of) the
 * sub-parser's start state, the sub-parser's {@code accept} becomes the bottom half, which copies
 * the results back and goes on with the rest of the state, and its {@code reject} is the caller's
 * {@code reject} (nothing is copied back). States and variables are copied per application; value
 * sets and extern instances once per instance. {@code in} arguments that are literals or l-values
 * with constant indices (which nothing can change while the sub-parser runs) and extern objects
 * (the packet) are passed as they are.
 */
public final class InlineParsers implements Pass {
    @Override
    public String name() {
        return "inline-parsers";
    }

    @Override
    public String summary() {
        return "inline sub-parser applications by splitting the calling state (copies back on accept only)";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        var names = FreshNames.of(program);
        var done = new HashMap<String, Decl.ParserDecl>();
        var out = new ArrayList<Decl>();
        for (Decl d : program.decls()) {
            if (d instanceof Decl.ParserDecl p && !Decls.isBundled(d) && p.typeParams().isEmpty()) {
                Decl.ParserDecl inlined = new Host(p, done, names).run();
                done.put(p.name(), inlined);
                out.add(inlined);
            } else {
                out.add(d);
            }
        }
        return new Program(out);
    }

    /** The parser whose sub-parser applications are being inlined. */
    private static final class Host {
        private final Map<String, Decl.ParserDecl> done;
        private final FreshNames names;
        private final List<Decl> locals;
        private final List<ParserState> states;
        private final Decl.ParserDecl original;
        /** Per instance: the renamed value sets and extern instances, by the sub-parser's names. */
        private final Map<String, Map<String, String>> instanceDecls = new HashMap<>();

        Host(Decl.ParserDecl p, Map<String, Decl.ParserDecl> done, FreshNames names) {
            this.original = p;
            this.done = done;
            this.names = names;
            this.locals = new ArrayList<>(p.locals());
            this.states = new ArrayList<>();
            for (ParserState st : p.states()) {
                states.add(namedDirectInvocations(st));
            }
        }

        /** Direct invocations ({@code P.apply(…)}) turned into applications of named local instances. */
        private ParserState namedDirectInvocations(ParserState st) {
            var body = new ArrayList<Stmt>();
            for (Stmt s : st.body()) {
                if (s instanceof Stmt.CallStmt c && c.call() instanceof Call.ApplyCall a
                        && a.instance() instanceof Call.ConstructorCall k && k.type() instanceof Type.Block b
                        && b.kind() == Type.BlockKind.PARSER) {
                    String name = names.fresh(b.name() + "_inst");
                    locals.add(new Decl.InstanceDecl(name, k.type(), k.args(), List.of(), List.of(), a.span()));
                    body.add(new Stmt.CallStmt(new Call.ApplyCall(new Expr.InstanceRef(name, k.type(), false, a.span()),
                            a.args(), a.span()), c.span()));
                } else {
                    body.add(s);
                }
            }
            return new ParserState(st.name(), body, st.transition(), st.annotations(), st.span());
        }

        Decl.ParserDecl run() {
            for (int i = 0; i < states.size(); i++) {
                ParserState s = states.get(i);
                for (int k = 0; k < s.body().size(); k++) {
                    Optional<Decl.InstanceDecl> inst = appliedInstance(s.body().get(k));
                    if (inst.isPresent()) {
                        List<ParserState> split = split(s, k, inst.get());
                        states.remove(i);
                        states.addAll(i, split);
                        break;
                    }
                }
            }
            locals.removeIf(d -> d instanceof Decl.InstanceDecl i && subParser(i.type()).isPresent());
            return new Decl.ParserDecl(original.name(), original.typeParams(), original.applyParams(),
                    original.ctorParams(), locals, states, original.annotations(), original.span());
        }

        private Optional<Decl.InstanceDecl> appliedInstance(Stmt s) {
            if (s instanceof Stmt.CallStmt c && c.call() instanceof Call.ApplyCall a
                    && a.instance() instanceof Expr.InstanceRef r && !r.global()) {
                for (Decl d : locals) {
                    if (d instanceof Decl.InstanceDecl i && i.name().equals(r.name()) && subParser(i.type()).isPresent()) {
                        return Optional.of(i);
                    }
                }
            }
            return Optional.empty();
        }

        private Optional<Decl.ParserDecl> subParser(Type t) {
            return t instanceof Type.Block b && b.kind() == Type.BlockKind.PARSER
                    ? Optional.ofNullable(done.get(b.name())) : Optional.empty();
        }

        /** State {@code s} split at its statement {@code k}, which applies {@code inst}, with the sub-parser between. */
        private List<ParserState> split(ParserState s, int k, Decl.InstanceDecl inst) {
            Decl.ParserDecl sub = subParser(inst.type()).orElseThrow();
            if (!inst.args().isEmpty()) {
                sub = new Host(Blocks.parser(BlockCopies.bind(sub, inst.args())), done, names).run();
            }
            Map<String, String> shared = instanceDecls.computeIfAbsent(inst.name(), n -> new HashMap<>());
            hoistShared(sub, inst, shared);
            Span at = s.body().get(k).span();
            List<Arg> args = ((Call.ApplyCall) ((Stmt.CallStmt) s.body().get(k)).call()).args();
            String after = names.fresh(s.name() + "_after_" + inst.name());
            var stateNames = new HashMap<String, String>();
            for (ParserState st : sub.states()) {
                stateNames.put(st.name(), names.fresh(inst.name() + "_" + st.name()));
            }
            stateNames.put(ParserState.ACCEPT, after);
            var bound = new HashMap<String, Expr>();
            var top = hoistVariables(s.body().subList(0, k));
            var copyOut = new ArrayList<Stmt>();
            bindParams(sub, args, bound, top, copyOut, at);
            for (Decl d : sub.locals()) {
                if (d instanceof Decl.VarDecl v) {
                    Expr.Var local = perApplication(inst.name(), v.name(), v.type(), bound, at);
                    if (v.init().isEmpty() && Invalidation.hasHeaders(v.type())) {
                        reset(local, top, at);
                    }
                }
            }
            var renamer = new InstanceRenamer(names, bound, shared, stateNames);
            for (Decl d : sub.locals()) {
                if (d instanceof Decl.VarDecl v && v.init().isPresent()) {
                    top.add(new Stmt.Assign(bound.get(v.name()), renamer.expr(v.init().get()), at));
                }
            }
            var out = new ArrayList<ParserState>();
            out.add(new ParserState(s.name(), top, new ParserState.Goto(stateNames.get(sub.state(ParserState.START)
                    .map(ParserState::name).orElse(ParserState.START)), at), s.annotations(), s.span()));
            boolean literal = bound.values().stream().anyMatch(Exprs::isLiteral);
            for (ParserState st : sub.states()) {
                ParserState r = renamer.parserState(st).getFirst();
                if (literal) {
                    r = new Folding().parserState(r).getFirst();
                }
                out.add(new ParserState(stateNames.get(st.name()), r.body(), r.transition(), r.annotations(), r.span()));
            }
            var bottom = new ArrayList<>(copyOut);
            bottom.addAll(s.body().subList(k + 1, s.body().size()));
            out.add(new ParserState(after, bottom, s.transition(), List.of(), s.span()));
            return out;
        }

        private void bindParams(Decl.ParserDecl sub, List<Arg> args, Map<String, Expr> bound, List<Stmt> top,
                                List<Stmt> copyOut, Span at) {
            List<Param> ps = sub.applyParams();
            for (int i = 0; i < ps.size(); i++) {
                Param p = ps.get(i);
                Arg a = args.get(i);
                boolean given = a.value().isPresent() && !(a.expr() instanceof Expr.DontCareArg);
                if (given && (a.expr().type() instanceof Type.Extern
                        || !p.direction().copiesOut() && (Exprs.isLiteral(a.expr()) || Exprs.isPath(a.expr())))) {
                    bound.put(p.name(), a.expr());
                    continue;
                }
                Expr.Var local = perApplication(sub.name(), p.name(), p.type(), bound, at);
                if (p.direction().copiesIn() && given) {
                    top.add(new Stmt.Assign(local, a.expr(), at));
                } else if (p.direction() == Direction.OUT && Invalidation.hasHeaders(p.type())) {
                    reset(local, top, at);
                }
                if (p.direction().copiesOut() && given) {
                    copyOut.add(new Stmt.Assign(a.expr(), local, at));
                }
            }
        }

        /**
         * The top half of a split state with its variables made parser-level (the bottom half, a state
         * of its own, may use them): a declaration becomes the assignment of its initializer, or the
         * reset of its headers.
         */
        private List<Stmt> hoistVariables(List<Stmt> top) {
            var out = new ArrayList<Stmt>();
            for (Stmt st : top) {
                if (st instanceof Stmt.VarDecl v) {
                    locals.add(new Decl.VarDecl(v.name(), v.type(), Optional.empty(), v.annotations(), v.span()));
                    var var = new Expr.Var(v.name(), v.type(), Expr.Frame.CONTAINER, v.span());
                    if (v.init().isPresent()) {
                        out.add(new Stmt.Assign(var, v.init().get(), v.span()));
                    } else if (Invalidation.hasHeaders(v.type())) {
                        reset(var, out, v.span());
                    }
                } else {
                    out.add(st);
                }
            }
            return out;
        }

        /** A parser-level variable for one application, bound to the sub-parser's name for it. */
        private Expr.Var perApplication(String prefix, String name, Type type, Map<String, Expr> bound, Span at) {
            var v = new Expr.Var(names.fresh(prefix + "_" + name), type, Expr.Frame.CONTAINER, at);
            locals.add(localsInsertionPoint(), new Decl.VarDecl(v.name(), type, Optional.empty(), List.of(), at));
            bound.put(name, v);
            return v;
        }

        private int localsInsertionPoint() {
            return locals.size();
        }

        /** Gives {@code v} the value of a freshly declared variable: headers invalid, stacks empty. */
        private void reset(Expr.Var v, List<Stmt> top, Span at) {
            String fresh = names.fresh(v.name() + "_init");
            top.add(new Stmt.VarDecl(fresh, v.type(), Optional.empty(), List.of(), at));
            top.add(new Stmt.Assign(v, new Expr.Var(fresh, v.type(), Expr.Frame.CONTAINER, at), at));
        }

        /** The sub-parser's value sets and extern instances, hoisted once per instance. */
        private void hoistShared(Decl.ParserDecl sub, Decl.InstanceDecl inst, Map<String, String> shared) {
            if (!shared.isEmpty() || sub.locals().stream().noneMatch(d -> d instanceof Decl.ValueSetDecl
                    || d instanceof Decl.InstanceDecl)) {
                return;
            }
            for (Decl d : sub.locals()) {
                if (d instanceof Decl.ValueSetDecl || d instanceof Decl.InstanceDecl) {
                    shared.put(d.name(), names.fresh(inst.name() + "_" + d.name()));
                }
            }
            var r = new InstanceRenamer(names, Map.of(), shared, Map.of());
            int at = locals.indexOf(inst);
            for (Decl d : sub.locals()) {
                if (d instanceof Decl.ValueSetDecl v) {
                    locals.add(at++, new Decl.ValueSetDecl(shared.get(v.name()), v.element(), v.size(),
                            ControlPlaneNames.moved(v.annotations(), v.name(), inst.name()), v.span()));
                } else if (d instanceof Decl.InstanceDecl i) {
                    Decl.InstanceDecl ri = r.instance(i);
                    locals.add(at++, new Decl.InstanceDecl(shared.get(i.name()), ri.type(), ri.args(),
                            ri.implementations(), ControlPlaneNames.moved(i.annotations(), i.name(), inst.name()),
                            i.span()));
                }
            }
        }
    }
}
