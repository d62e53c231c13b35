package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.pass.FreshNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One instance of a control, inlined into the control that applies it. The instance's state —
 * tables, actions, extern instances, and the variables its actions see (its parameters and
 * locals) — is hoisted once into the host's local declarations, renamed and with control-plane
 * names prefixed by the instance's name; each application becomes a block that binds the
 * parameters, re-initializes the locals (they do not persist across applications), runs the body
 * and copies results back.
 *
 * <p>Parameters are copied in and out (per-instance variables), except that an instance applied
 * once takes its arguments in place of its parameters where that cannot make a difference: the
 * same conditions as for functions (see {@link CallableInliner}), and the argument's variable must
 * be visible to the hoisted actions. When results are copied back and the instance may
 * {@code exit}, its exits set a per-instance flag, the copies back run, and the exit is raised
 * again.
 */
final class ControlInstance {
    private final Decl.ControlDecl sub;
    private final String instance;
    private final FreshNames names;
    private final Map<String, Expr> bound = new HashMap<>();
    private final Map<String, String> declNames = new HashMap<>();
    private final List<Decl> hoisted = new ArrayList<>();
    private final boolean[] substituted;
    private final Optional<Expr.Var> exitFlag;
    private final Set<String> exitingTables;

    /**
     * @param visible the host variables the hoisted declarations can see (its parameters and the
     *                locals declared before the instance)
     * @param applications the argument lists of the instance's applications
     * @param outer the host expressions the instance's code refers to by placeholder names
     */
    ControlInstance(Decl.ControlDecl sub, String instance, List<List<Arg>> applications, Set<String> visible,
                    Map<String, Expr> outer, FreshNames names) {
        this.sub = sub;
        bound.putAll(outer);
        this.instance = instance;
        this.names = names;
        this.substituted = substitutions(sub, applications, visible);
        List<Param> ps = sub.applyParams();
        for (int i = 0; i < ps.size(); i++) {
            Param p = ps.get(i);
            if (substituted[i]) {
                bound.put(p.name(), applications.getFirst().get(i).expr());
            } else {
                hoist(p.name(), p.type(), p.span());
            }
        }
        for (Decl d : sub.locals()) {
            if (d instanceof Decl.VarDecl v) {
                hoist(v.name(), v.type(), v.span());
            } else if (!(d instanceof Decl.ConstDecl)) {
                declNames.put(d.name(), names.fresh(instance + "_" + d.name()));
            }
        }
        exitingTables = Exits.exitingTables(sub);
        boolean copiesBack = false;
        for (int i = 0; i < ps.size(); i++) {
            copiesBack |= !substituted[i] && ps.get(i).direction().copiesOut();
        }
        boolean mayExit = Terminations.needed(sub.body().statements(), new ExitSpec(exitingTables));
        if (copiesBack && mayExit) {
            var flag = new Expr.Var(names.fresh(instance + "_exited"), Type.BOOL, Expr.Frame.CONTAINER, sub.span());
            hoisted.add(new Decl.VarDecl(flag.name(), Type.BOOL, Optional.empty(), List.of(), sub.span()));
            exitFlag = Optional.of(flag);
        } else {
            exitFlag = Optional.empty();
        }
        hoistDeclarations();
    }

    private void hoist(String name, Type type, Span at) {
        String n = names.fresh(instance + "_" + name);
        bound.put(name, new Expr.Var(n, type, Expr.Frame.CONTAINER, at));
        hoisted.add(new Decl.VarDecl(n, type, Optional.empty(), List.of(), at));
    }

    /** The declarations that take the instance's place among the host's locals. */
    List<Decl> hoisted() {
        return hoisted;
    }

    private InstanceRenamer renamer() {
        return new InstanceRenamer(names, bound, declNames, Map.of());
    }

    private void hoistDeclarations() {
        InstanceRenamer r = renamer();
        var substitutedNames = new HashSet<String>();
        bound.values().forEach(v -> Shadowing.containerNames(v, substitutedNames));
        for (Decl d : sub.locals()) {
            switch (d) {
                case Decl.ActionDecl a -> {
                    Decl.ActionDecl renamed = r.action(Shadowing.avoid(a, substitutedNames, names));
                    Stmt.Block body = renamed.body();
                    if (exitFlag.isPresent() && Terminations.needed(body.statements(), ExitSpec.DIRECT)) {
                        body = Stmt.Block.of(Terminations.eliminate(body.statements(), ExitSpec.DIRECT, exitFlag.get()),
                                body.span());
                    }
                    hoisted.add(new Decl.ActionDecl(declNames.get(a.name()), renamed.params(), fold(body),
                            ControlPlaneNames.moved(a.annotations(), a.name(), instance), a.span()));
                }
                case Decl.TableDecl t -> {
                    Decl.TableDecl renamed = new Folding().table(r.table(t));
                    hoisted.add(new Decl.TableDecl(declNames.get(t.name()), renamed.keys(), renamed.actions(),
                            renamed.defaultAction(), renamed.entries(), renamed.properties(),
                            ControlPlaneNames.moved(t.annotations(), t.name(), instance), t.span()));
                }
                case Decl.InstanceDecl i -> {
                    Decl.InstanceDecl renamed = r.instance(i);
                    hoisted.add(new Decl.InstanceDecl(declNames.get(i.name()), renamed.type(), renamed.args(),
                            renamed.implementations(), ControlPlaneNames.moved(i.annotations(), i.name(), instance),
                            i.span()));
                }
                case Decl.ValueSetDecl v -> hoisted.add(new Decl.ValueSetDecl(declNames.get(v.name()), v.element(),
                        v.size(), ControlPlaneNames.moved(v.annotations(), v.name(), instance), v.span()));
                case Decl.VarDecl v -> { }
                case Decl.ConstDecl c -> { }
                case Decl.TypeDecl t -> throw unexpected(t);
                case Decl.Typedef t -> throw unexpected(t);
                case Decl.ErrorDecl e -> throw unexpected(e);
                case Decl.MatchKindDecl m -> throw unexpected(m);
                case Decl.ExternDecl e -> throw unexpected(e);
                case Decl.ExternFunctionDecl f -> throw unexpected(f);
                case Decl.FunctionDecl f -> throw unexpected(f);
                case Decl.ParserDecl p -> throw unexpected(p);
                case Decl.ControlDecl c -> throw unexpected(c);
                case Decl.BlockTypeDecl b -> throw unexpected(b);
            }
        }
    }

    private Stmt.Block fold(Stmt.Block b) {
        return bound.values().stream().anyMatch(Exprs::isLiteral) ? new Folding().block(b) : b;
    }

    private static IllegalStateException unexpected(Decl d) {
        return new IllegalStateException("a control declares " + d.name() + " locally");
    }

    /** The statements of one application with these arguments. */
    Stmt.Block application(List<Arg> args, Span at) {
        var out = new ArrayList<Stmt>();
        var copyOut = new ArrayList<Stmt>();
        List<Param> ps = sub.applyParams();
        for (int i = 0; i < ps.size(); i++) {
            Param p = ps.get(i);
            Arg a = args.get(i);
            if (substituted[i]) {
                if (p.direction() == Direction.OUT) {
                    out.addAll(Invalidation.of(a.expr()));
                }
                continue;
            }
            Expr local = bound.get(p.name());
            boolean given = a.value().isPresent() && !(a.expr() instanceof Expr.DontCareArg);
            if (p.direction().copiesIn() && given) {
                out.add(new Stmt.Assign(local, a.expr(), at));
            } else {
                out.addAll(Invalidation.of(local));
            }
            if (p.direction().copiesOut() && given) {
                copyOut.add(new Stmt.Assign(a.expr(), local, at));
            }
        }
        exitFlag.ifPresent(f -> out.add(new Stmt.Assign(f, Exprs.bool(false), at)));
        InstanceRenamer r = renamer();
        for (Decl d : sub.locals()) {
            if (d instanceof Decl.VarDecl v) {
                Expr local = bound.get(v.name());
                if (v.init().isPresent()) {
                    out.add(new Stmt.Assign(local, r.expr(v.init().get()), at));
                } else {
                    out.addAll(Invalidation.of(local));
                }
            }
        }
        List<Stmt> body = r.statements(sub.body().statements());
        body = CallableInliner.returnsRemoved(body, Optional.empty(), Expr.Frame.CONTAINER, names, out, at);
        if (exitFlag.isPresent()) {
            body = Terminations.eliminate(body, new ExitSpec(renamedTables()), exitFlag.get());
        }
        out.addAll(fold(Stmt.Block.of(body, at)).statements());
        out.addAll(copyOut);
        exitFlag.ifPresent(f -> out.add(new Stmt.If(f, Stmt.Block.of(List.of(new Stmt.Exit(at)), at), Optional.empty(),
                at)));
        return Stmt.Block.of(out, at);
    }

    private Set<String> renamedTables() {
        var out = new HashSet<String>();
        exitingTables.forEach(t -> out.add(declNames.getOrDefault(t, t)));
        return out;
    }

    private static boolean[] substitutions(Decl.ControlDecl sub, List<List<Arg>> applications, Set<String> visible) {
        List<Param> ps = sub.applyParams();
        boolean[] s = new boolean[ps.size()];
        if (applications.size() != 1) {
            return s;
        }
        List<Arg> args = applications.getFirst();
        for (int i = 0; i < ps.size(); i++) {
            Param p = ps.get(i);
            Arg a = args.get(i);
            if (a.value().isEmpty() || a.expr() instanceof Expr.DontCareArg) {
                continue;
            }
            Expr v = a.expr();
            boolean path = Exprs.isPath(v) && Exprs.root(v).map(r -> visible.contains(r.name())).orElse(false);
            s[i] = Exprs.isLiteral(v) && !p.direction().copiesOut()
                    || path && !(p.direction() == Direction.OUT && hasStack(p.type()))
                    || v.type() instanceof Type.Extern;
        }
        for (int i = 0; i < ps.size(); i++) {
            for (int j = i + 1; j < ps.size(); j++) {
                if (s[i] && s[j] && (ps.get(i).direction().copiesOut() || ps.get(j).direction().copiesOut())
                        && Paths.overlap(args.get(i).expr(), args.get(j).expr())) {
                    s[i] = false;
                    s[j] = false;
                }
            }
        }
        return s;
    }

    private static boolean hasStack(Type t) {
        return switch (Types.rep(t)) {
            case Type.Stack st -> true;
            case Type.Struct st -> st.fields().stream().anyMatch(f -> hasStack(f.type()));
            default -> false;
        };
    }
}
