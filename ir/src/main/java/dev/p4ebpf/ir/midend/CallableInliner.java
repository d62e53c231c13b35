package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.pass.FreshNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * Inlines one call of a function or action: the statements that do what the call does, by the
 * spec's copy-in/copy-out convention. Each parameter becomes a fresh local initialized from its
 * argument ({@code in}, {@code inout}, and directionless action data), the body runs on those
 * locals, and {@code out}/{@code inout} locals are copied back to the arguments left to right
 * afterwards — also after a {@code return}, and after an {@code exit}, which is raised again once
 * the copies are done.
 *
 * <p>Where the copies cannot make a difference the argument takes the parameter's place instead:
 * literals; and l-values with constant indices that no other argument of the call overlaps (when
 * either is copied out; substituted or not, as copies out happen in parameter order) and (for an
 * action, which sees its control's variables) that the body does not otherwise touch.
 * An {@code out} parameter taking its argument's place has the headers in it invalidated first, as
 * the spec initializes {@code out} parameters.
 */
final class CallableInliner {
    private CallableInliner() {}

    /** What is being called: its parameters, return type and body; {@code seesContainer} for actions. */
    record Callee(List<Param> params, Type returnType, Stmt.Block body, boolean seesContainer) {}

    static Stmt.Block inline(Callee callee, List<Arg> args, Optional<Expr> target, Expr.Frame frame,
                             FreshNames names, Span at) {
        return inline(callee, args, target, frame, names, at, java.util.Map.of());
    }

    /** The same, with {@code kept}: variables of the callee to put these expressions for (not renamed). */
    static Stmt.Block inline(Callee callee, List<Arg> args, Optional<Expr> target, Expr.Frame frame,
                             FreshNames names, Span at, java.util.Map<String, Expr> kept) {
        List<Expr> bodyWrites = Writes.of(callee.body());
        boolean[] substitute = substitutable(callee, args, bodyWrites);
        var bound = new HashMap<String, Expr>(kept);
        var literal = false;
        for (int i = 0; i < callee.params().size(); i++) {
            if (substitute[i]) {
                Expr v = args.get(i).expr();
                bound.put(callee.params().get(i).name(), v);
                literal |= Exprs.isLiteral(v);
            }
        }
        var renamer = new Renamer(Expr.Frame.CALLABLE, frame, names, bound);
        var prologue = new ArrayList<Stmt>();
        var copyOut = new ArrayList<Stmt>();
        for (int i = 0; i < callee.params().size(); i++) {
            Param p = callee.params().get(i);
            Arg a = args.get(i);
            if (substitute[i]) {
                if (p.direction() == Direction.OUT) {
                    prologue.addAll(Invalidation.of(a.expr()));
                }
                continue;
            }
            var local = new Expr.Var(renamer.rename(p.name()), p.type(), frame, at);
            boolean copiesIn = p.direction().copiesIn() && a.value().isPresent() && !(a.expr() instanceof Expr.DontCareArg);
            prologue.add(new Stmt.VarDecl(local.name(), p.type(), copiesIn ? a.value() : Optional.empty(), List.of(), at));
            if (p.direction().copiesOut() && a.value().isPresent() && !(a.expr() instanceof Expr.DontCareArg)) {
                copyOut.add(new Stmt.Assign(a.expr(), local, at));
            }
        }
        Stmt.Block body = renamer.block(callee.body());
        if (literal) {
            body = new Folding().block(body);
        }
        return assemble(callee, body, prologue, copyOut, target, frame, names, at);
    }

    private static Stmt.Block assemble(Callee callee, Stmt.Block renamedBody, List<Stmt> prologue, List<Stmt> copyOut,
                                       Optional<Expr> target, Expr.Frame frame, FreshNames names, Span at) {
        var out = new ArrayList<>(prologue);
        Optional<Expr> store = Optional.empty();
        Optional<Expr.Var> result = Optional.empty();
        if (target.isPresent() && !(callee.returnType() instanceof Type.Void)) {
            if (copyOut.isEmpty() && Exprs.isPath(target.get())) {
                store = target;
            } else {
                var r = new Expr.Var(names.fresh("retval"), callee.returnType(), frame, at);
                out.add(new Stmt.VarDecl(r.name(), r.type(), Optional.empty(), List.of(), at));
                result = Optional.of(r);
                store = Optional.of(r);
            }
        }
        List<Stmt> body = returnsRemoved(renamedBody.statements(), store, frame, names, out, at);
        Optional<Expr.Var> exited = Optional.empty();
        if (!copyOut.isEmpty() && Terminations.needed(body, ExitSpec.DIRECT)) {
            var flag = new Expr.Var(names.fresh("exited"), Type.BOOL, frame, at);
            out.add(new Stmt.VarDecl(flag.name(), Type.BOOL, Optional.of(Exprs.bool(false)), List.of(), at));
            body = Terminations.eliminate(body, ExitSpec.DIRECT, flag);
            exited = Optional.of(flag);
        }
        out.addAll(body);
        out.addAll(copyOut);
        exited.ifPresent(f -> out.add(new Stmt.If(f, Stmt.Block.of(List.of(new Stmt.Exit(at)), at), Optional.empty(),
                at)));
        if (result.isPresent()) {
            out.add(new Stmt.Assign(target.get(), result.get(), at));
        }
        return Stmt.Block.of(out, at);
    }

    /** The body with its {@code return}s made structured; the flag, when one is needed, is declared in {@code decls}. */
    static List<Stmt> returnsRemoved(List<Stmt> body, Optional<Expr> store, Expr.Frame frame, FreshNames names,
                                     List<Stmt> decls, Span at) {
        var spec = new ReturnSpec(store);
        if (!Terminations.needed(body, spec)) {
            return body;
        }
        if (Terminations.tailOnly(body, spec)) {
            return Terminations.replaceInTail(body, spec);
        }
        var flag = new Expr.Var(names.fresh("returned"), Type.BOOL, frame, at);
        decls.add(new Stmt.VarDecl(flag.name(), Type.BOOL, Optional.of(Exprs.bool(false)), List.of(), at));
        return Terminations.eliminate(body, spec, flag);
    }

    /** For each parameter, whether its argument can take its place (see the class comment). */
    private static boolean[] substitutable(Callee callee, List<Arg> args, List<Expr> bodyWrites) {
        int n = callee.params().size();
        boolean[] sub = new boolean[n];
        for (int i = 0; i < n; i++) {
            Param p = callee.params().get(i);
            Arg a = args.get(i);
            if (a.value().isEmpty() || a.expr() instanceof Expr.DontCareArg) {
                continue;
            }
            Expr v = a.expr();
            if (!p.direction().copiesOut()) {
                sub[i] = Exprs.isLiteral(v) || Exprs.isPath(v) && !(callee.seesContainer() && Writes.affects(bodyWrites, v));
            } else {
                sub[i] = Exprs.isPath(v) && !(callee.seesContainer() && mentionsRoot(callee.body(), v))
                        && !(p.direction() == Direction.OUT && hasStack(p.type()));
            }
        }
        boolean[] candidate = sub.clone();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if ((candidate[i] || candidate[j]) && (callee.params().get(i).direction().copiesOut()
                        || callee.params().get(j).direction().copiesOut())
                        && Paths.overlap(args.get(i).expr(), args.get(j).expr())) {
                    sub[i] = false;
                    sub[j] = false;
                }
            }
        }
        return sub;
    }

    private static boolean mentionsRoot(Stmt.Block body, Expr lvalue) {
        Expr.Var root = Exprs.root(lvalue).orElseThrow();
        return new Mentions(root.name(), root.frame()).in(body);
    }

    private static boolean hasStack(Type t) {
        return switch (Types.rep(t)) {
            case Type.Stack s -> true;
            case Type.Struct s -> s.fields().stream().anyMatch(f -> hasStack(f.type()));
            default -> false;
        };
    }

    /** {@code return} as a terminator: the value, if any, goes to the store. */
    private record ReturnSpec(Optional<Expr> store) implements Terminations.Spec {
        @Override
        public boolean isTerminator(Stmt s) {
            return s instanceof Stmt.Return;
        }

        @Override
        public List<Stmt> replacement(Stmt terminator) {
            Stmt.Return r = (Stmt.Return) terminator;
            if (r.value().isPresent() && store.isPresent()) {
                return List.of(new Stmt.Assign(store.get(), r.value().get(), r.span()));
            }
            return List.of();
        }

        @Override
        public boolean tableMayTerminate(Stmt s) {
            return false;
        }
    }

    /** Uses of a variable anywhere in a body. */
    private static final class Mentions extends dev.p4ebpf.ir.pass.IrRewriter {
        private final String name;
        private final Expr.Frame frame;
        private boolean found;

        Mentions(String name, Expr.Frame frame) {
            this.name = name;
            this.frame = frame;
        }

        boolean in(Stmt.Block body) {
            block(body);
            return found;
        }

        @Override
        public Expr expr(Expr e) {
            if (e instanceof Expr.Var v && v.name().equals(name) && v.frame() == frame) {
                found = true;
            }
            return super.expr(e);
        }
    }
}
