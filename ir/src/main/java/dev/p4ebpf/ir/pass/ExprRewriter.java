package dev.p4ebpf.ir.pass;

import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.KeySet;
import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The expression half of the IR rewriter: types, expressions, calls, arguments, parameters,
 * method signatures and keysets. Each {@code public} method is a hook a pass may override; the
 * default rebuilds the node from its rewritten children (children first), and returns the very
 * same object when no child changed, so a rewriter that changes nothing allocates nothing and can
 * double as a visitor.
 *
 * <p>A pass overriding {@link #expr} decides the order itself: inspect the node and return early
 * (pre-order), or call {@code super.expr(e)} first and look at the rebuilt node (post-order).
 * Types are not traversed by default ({@link #type} is the identity); a pass that maps types
 * overrides it (see {@link TypeMapper}).
 */
public class ExprRewriter {

    /** Maps a type; the identity unless overridden. Called on every type an expression or parameter carries. */
    public Type type(Type t) {
        return t;
    }

    /** Rewrites an expression; by default rebuilds it from its rewritten children. */
    public Expr expr(Expr e) {
        return exprChildren(e);
    }

    /** Rewrites a call; by default rebuilds it from its rewritten children. {@link #expr} routes calls here. */
    public Expr call(Call c) {
        return callChildren(c);
    }

    /** Rewrites a keyset of a select case or a table entry. */
    public KeySet keySet(KeySet k) {
        return keySetChildren(k);
    }

    public Param param(Param p) {
        Type t = type(p.type());
        Optional<Expr> d = optional(p.defaultValue());
        return t == p.type() && d == p.defaultValue() ? p
                : new Param(p.direction(), t, p.name(), d, p.optional(), p.annotations(), p.span());
    }

    public Arg arg(Arg a) {
        Param p = param(a.param());
        Optional<Expr> v = optional(a.value());
        return p == a.param() && v == a.value() ? a : new Arg(p, v);
    }

    public Method method(Method m) {
        List<Param> ps = params(m.params());
        Type r = type(m.returnType());
        return ps == m.params() && r == m.returnType() ? m
                : new Method(m.name(), m.typeParams(), ps, r, m.isAbstract(), m.annotations(), m.span());
    }

    /** Annotations are kept as written; a pass that rewrites them overrides this. */
    public List<Annotation> annotations(List<Annotation> as) {
        return as;
    }

    // ---- lists ----------------------------------------------------------------------------------

    public final List<Expr> exprs(List<Expr> es) {
        return map(es, this::expr);
    }

    public final List<Type> types(List<Type> ts) {
        return map(ts, this::type);
    }

    public final List<Param> params(List<Param> ps) {
        return map(ps, this::param);
    }

    public final List<Arg> args(List<Arg> as) {
        return map(as, this::arg);
    }

    public final Optional<Expr> optional(Optional<Expr> e) {
        if (e.isEmpty()) {
            return e;
        }
        Expr r = expr(e.get());
        return r == e.get() ? e : Optional.of(r);
    }

    /** Maps a list, returning the same list when every element maps to itself. */
    public static <T> List<T> map(List<T> xs, Function<T, T> f) {
        List<T> out = null;
        for (int i = 0; i < xs.size(); i++) {
            T x = xs.get(i);
            T y = f.apply(x);
            if (out == null && y != x) {
                out = new ArrayList<>(xs.subList(0, i));
            }
            if (out != null) {
                out.add(y);
            }
        }
        return out == null ? xs : List.copyOf(out);
    }

    /** Maps each element to a list and concatenates; the same list when every element maps to itself alone. */
    public static <T> List<T> flatMap(List<T> xs, Function<T, List<T>> f) {
        List<T> out = null;
        for (int i = 0; i < xs.size(); i++) {
            T x = xs.get(i);
            List<T> ys = f.apply(x);
            boolean same = ys.size() == 1 && ys.getFirst() == x;
            if (out == null && !same) {
                out = new ArrayList<>(xs.subList(0, i));
            }
            if (out != null) {
                out.addAll(ys);
            }
        }
        return out == null ? xs : List.copyOf(out);
    }

    // ---- default traversals -----------------------------------------------------------------------

    /** The default of {@link #expr}: the node rebuilt from its rewritten children. */
    protected final Expr exprChildren(Expr e) {
        return switch (e) {
            case Expr.IntLit i -> {
                Type t = type(i.type());
                yield t == i.type() ? i : new Expr.IntLit(i.value(), t, i.span());
            }
            case Expr.BoolLit b -> b;
            case Expr.StrLit s -> s;
            case Expr.ErrorLit er -> er;
            case Expr.MatchKindLit m -> m;
            case Expr.EnumLit en -> {
                Type t = type(en.type());
                yield t == en.type() ? en : new Expr.EnumLit(t, en.member(), en.span());
            }
            case Expr.InvalidHeader h -> {
                Type t = type(h.type());
                yield t == h.type() ? h : new Expr.InvalidHeader(t, h.span());
            }
            case Expr.DontCareArg d -> {
                Type t = type(d.type());
                yield t == d.type() ? d : new Expr.DontCareArg(t, d.span());
            }
            case Expr.Var v -> {
                Type t = type(v.type());
                yield t == v.type() ? v : new Expr.Var(v.name(), t, v.frame(), v.span());
            }
            case Expr.InstanceRef r -> {
                Type t = type(r.type());
                yield t == r.type() ? r : new Expr.InstanceRef(r.name(), t, r.global(), r.span());
            }
            case Expr.This th -> {
                Type t = type(th.type());
                yield t == th.type() ? th : new Expr.This(t, th.span());
            }
            case Expr.Unary u -> {
                Expr o = expr(u.operand());
                Type t = type(u.type());
                yield o == u.operand() && t == u.type() ? u : new Expr.Unary(u.op(), o, t, u.span());
            }
            case Expr.Binary b -> {
                Expr l = expr(b.left());
                Expr r = expr(b.right());
                Type t = type(b.type());
                yield l == b.left() && r == b.right() && t == b.type() ? b : new Expr.Binary(b.op(), l, r, t, b.span());
            }
            case Expr.Mux m -> {
                Expr c = expr(m.condition());
                Expr a = expr(m.ifTrue());
                Expr b = expr(m.ifFalse());
                Type t = type(m.type());
                yield c == m.condition() && a == m.ifTrue() && b == m.ifFalse() && t == m.type() ? m
                        : new Expr.Mux(c, a, b, t, m.span());
            }
            case Expr.Cast c -> {
                Type t = type(c.type());
                Expr o = expr(c.operand());
                yield t == c.type() && o == c.operand() ? c : new Expr.Cast(t, o, c.span());
            }
            case Expr.Slice s -> {
                Expr o = expr(s.operand());
                Type t = type(s.type());
                yield o == s.operand() && t == s.type() ? s : new Expr.Slice(o, s.hi(), s.lo(), t, s.span());
            }
            case Expr.DynSlice s -> {
                Expr o = expr(s.operand());
                Expr lo = expr(s.lo());
                Type t = type(s.type());
                yield o == s.operand() && lo == s.lo() && t == s.type() ? s
                        : new Expr.DynSlice(o, lo, s.width(), t, s.span());
            }
            case Expr.Member m -> {
                Expr b = expr(m.base());
                Type t = type(m.type());
                yield b == m.base() && t == m.type() ? m : new Expr.Member(b, m.field(), t, m.span());
            }
            case Expr.StackElement s -> {
                Expr st = expr(s.stack());
                Expr i = expr(s.index());
                Type t = type(s.type());
                yield st == s.stack() && i == s.index() && t == s.type() ? s : new Expr.StackElement(st, i, t, s.span());
            }
            case Expr.StackProperty s -> {
                Expr st = expr(s.stack());
                Type t = type(s.type());
                yield st == s.stack() && t == s.type() ? s : new Expr.StackProperty(st, s.property(), t, s.span());
            }
            case Expr.TupleElement te -> {
                Expr tu = expr(te.tuple());
                Type t = type(te.type());
                yield tu == te.tuple() && t == te.type() ? te : new Expr.TupleElement(tu, te.index(), t, te.span());
            }
            case Expr.StructValue s -> {
                Type t = type(s.type());
                List<Expr> fs = exprs(s.fields());
                yield t == s.type() && fs == s.fields() ? s : new Expr.StructValue(t, fs, s.span());
            }
            case Expr.TupleValue tv -> {
                Type t = type(tv.type());
                List<Expr> es = exprs(tv.elements());
                yield t == tv.type() && es == tv.elements() ? tv : new Expr.TupleValue(t, es, tv.span());
            }
            case Call c -> call(c);
        };
    }

    /** The default of {@link #call}: the call rebuilt from its rewritten children. */
    protected final Expr callChildren(Call c) {
        return switch (c) {
            case Call.ActionCall a -> {
                List<Arg> as = args(a.args());
                yield as == a.args() ? a : new Call.ActionCall(a.action(), a.global(), as, a.span());
            }
            case Call.FunctionCall f -> {
                List<Type> ts = types(f.typeArgs());
                List<Arg> as = args(f.args());
                Type t = type(f.type());
                yield ts == f.typeArgs() && as == f.args() && t == f.type() ? f
                        : new Call.FunctionCall(f.function(), ts, as, t, f.span());
            }
            case Call.ExternFunctionCall f -> {
                Method m = method(f.method());
                List<Type> ts = types(f.typeArgs());
                List<Arg> as = args(f.args());
                Type t = type(f.type());
                yield m == f.method() && ts == f.typeArgs() && as == f.args() && t == f.type() ? f
                        : new Call.ExternFunctionCall(m, ts, as, t, f.span());
            }
            case Call.MethodCall mc -> {
                Expr target = expr(mc.target());
                Method m = method(mc.method());
                List<Type> ts = types(mc.typeArgs());
                List<Arg> as = args(mc.args());
                Type t = type(mc.type());
                yield target == mc.target() && m == mc.method() && ts == mc.typeArgs() && as == mc.args()
                        && t == mc.type() ? mc : new Call.MethodCall(target, m, ts, as, t, mc.span());
            }
            case Call.BuiltinCall b -> {
                Expr target = expr(b.target());
                List<Arg> as = args(b.args());
                Type t = type(b.type());
                yield target == b.target() && as == b.args() && t == b.type() ? b
                        : new Call.BuiltinCall(target, b.builtin(), as, t, b.span());
            }
            case Call.TableApply t -> {
                Type ty = type(t.type());
                yield ty == t.type() ? t : new Call.TableApply(t.table(), ty, t.span());
            }
            case Call.ApplyCall a -> {
                Expr inst = expr(a.instance());
                List<Arg> as = args(a.args());
                yield inst == a.instance() && as == a.args() ? a : new Call.ApplyCall(inst, as, a.span());
            }
            case Call.ConstructorCall k -> {
                Type t = type(k.type());
                List<Arg> as = args(k.args());
                yield t == k.type() && as == k.args() ? k : new Call.ConstructorCall(t, as, k.span());
            }
        };
    }

    /** The default of {@link #keySet}. */
    protected final KeySet keySetChildren(KeySet k) {
        return switch (k) {
            case KeySet.Value v -> {
                Expr e = expr(v.value());
                yield e == v.value() ? v : new KeySet.Value(e, v.span());
            }
            case KeySet.Mask m -> {
                Expr v = expr(m.value());
                Expr mask = expr(m.mask());
                yield v == m.value() && mask == m.mask() ? m : new KeySet.Mask(v, mask, m.span());
            }
            case KeySet.Range r -> {
                Expr lo = expr(r.lo());
                Expr hi = expr(r.hi());
                yield lo == r.lo() && hi == r.hi() ? r : new KeySet.Range(lo, hi, r.span());
            }
            case KeySet.Default d -> d;
            case KeySet.ValueSetRef v -> v;
            case KeySet.Tuple t -> {
                List<KeySet> es = map(t.elements(), this::keySet);
                yield es == t.elements() ? t : new KeySet.Tuple(es, t.span());
            }
        };
    }
}
