package dev.p4ebpf.ir.pass;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.KeySet;
import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.Type;
import java.util.List;
import java.util.Optional;

/**
 * The whole-program IR rewriter: declarations, tables, parser states and the program itself, on
 * top of {@link StmtRewriter} and {@link ExprRewriter}. It knows where it is: the parser or control
 * being rewritten ({@link #container}), the action or function ({@link #callable}), and so which
 * {@link Expr.Frame} the variables of the code at hand live in ({@link #frame}) — what a pass needs
 * to declare a temporary.
 *
 * <p>A pass is usually a small subclass overriding one or two hooks; {@link #program} runs it.
 */
public class IrRewriter extends StmtRewriter {
    private Decl container;
    private Decl callable;
    private ParserState state;

    /** The parser or control (as it was before this rewrite) whose code is being rewritten, if any. */
    protected final Optional<Decl> container() {
        return Optional.ofNullable(container);
    }

    /** The action, function or method implementation being rewritten, if any. */
    protected final Optional<Decl> callable() {
        return Optional.ofNullable(callable);
    }

    /** The parser state being rewritten, if any. */
    protected final Optional<ParserState> state() {
        return Optional.ofNullable(state);
    }

    /** The frame of the variables of the code being rewritten. */
    protected final Expr.Frame frame() {
        return callable != null ? Expr.Frame.CALLABLE : Expr.Frame.CONTAINER;
    }

    public Program program(Program p) {
        List<Decl> ds = flatMap(p.decls(), this::decl);
        return ds == p.decls() ? p : new Program(ds);
    }

    /** Rewrites a declaration (top-level or local) into the declarations that replace it. */
    public List<Decl> decl(Decl d) {
        return List.of(declChildren(d));
    }

    /** The default of {@link #decl}: the declaration rebuilt from its rewritten parts. */
    protected final Decl declChildren(Decl d) {
        return switch (d) {
            case Decl.TypeDecl t -> {
                Type ty = type(t.type());
                yield ty == t.type() ? t : new Decl.TypeDecl(ty, t.typeParams(), t.span());
            }
            case Decl.Typedef t -> {
                Type ty = type(t.type());
                yield ty == t.type() ? t : new Decl.Typedef(t.name(), ty, t.annotations(), t.span());
            }
            case Decl.ErrorDecl e -> e;
            case Decl.MatchKindDecl m -> m;
            case Decl.ConstDecl c -> {
                Type t = type(c.type());
                Expr v = expr(c.value());
                yield t == c.type() && v == c.value() ? c : new Decl.ConstDecl(c.name(), t, v, c.annotations(), c.span());
            }
            case Decl.ExternDecl e -> {
                List<Method> cs = map(e.constructors(), this::method);
                List<Method> ms = map(e.methods(), this::method);
                yield cs == e.constructors() && ms == e.methods() ? e
                        : new Decl.ExternDecl(e.name(), e.typeParams(), cs, ms, e.annotations(), e.span());
            }
            case Decl.ExternFunctionDecl f -> {
                Method m = method(f.method());
                yield m == f.method() ? f : new Decl.ExternFunctionDecl(m, f.span());
            }
            case Decl.FunctionDecl f -> function(f);
            case Decl.ActionDecl a -> action(a);
            case Decl.ParserDecl p -> parser(p);
            case Decl.ControlDecl c -> control(c);
            case Decl.BlockTypeDecl b -> {
                List<Param> ps = params(b.params());
                yield ps == b.params() ? b
                        : new Decl.BlockTypeDecl(b.kind(), b.name(), b.typeParams(), ps, b.annotations(), b.span());
            }
            case Decl.InstanceDecl i -> instance(i);
            case Decl.VarDecl v -> {
                Type t = type(v.type());
                Optional<Expr> init = optional(v.init());
                yield t == v.type() && init == v.init() ? v
                        : new Decl.VarDecl(v.name(), t, init, v.annotations(), v.span());
            }
            case Decl.TableDecl t -> table(t);
            case Decl.ValueSetDecl v -> {
                Type e = type(v.element());
                Expr size = expr(v.size());
                yield e == v.element() && size == v.size() ? v
                        : new Decl.ValueSetDecl(v.name(), e, size, v.annotations(), v.span());
            }
        };
    }

    /** Rewrites a function (top-level, or an abstract-method implementation), tracking it as the callable. */
    public Decl.FunctionDecl function(Decl.FunctionDecl f) {
        Decl saved = callable;
        callable = f;
        try {
            Type r = type(f.returnType());
            List<Param> ps = params(f.params());
            Stmt.Block body = block(f.body());
            return r == f.returnType() && ps == f.params() && body == f.body() ? f
                    : new Decl.FunctionDecl(f.name(), f.typeParams(), r, ps, body, f.annotations(), f.span());
        } finally {
            callable = saved;
        }
    }

    /** Rewrites an action, tracking it as the callable. */
    public Decl.ActionDecl action(Decl.ActionDecl a) {
        Decl saved = callable;
        callable = a;
        try {
            List<Param> ps = params(a.params());
            Stmt.Block body = block(a.body());
            return ps == a.params() && body == a.body() ? a
                    : new Decl.ActionDecl(a.name(), ps, body, a.annotations(), a.span());
        } finally {
            callable = saved;
        }
    }

    /** Rewrites a parser, tracking it as the container. */
    public Decl.ParserDecl parser(Decl.ParserDecl p) {
        Decl saved = container;
        container = p;
        try {
            List<Param> ap = params(p.applyParams());
            List<Param> cp = params(p.ctorParams());
            List<Decl> locals = flatMap(p.locals(), this::decl);
            List<ParserState> states = flatMap(p.states(), this::parserState);
            return ap == p.applyParams() && cp == p.ctorParams() && locals == p.locals() && states == p.states() ? p
                    : new Decl.ParserDecl(p.name(), p.typeParams(), ap, cp, locals, states, p.annotations(), p.span());
        } finally {
            container = saved;
        }
    }

    /** Rewrites a control, tracking it as the container. */
    public Decl.ControlDecl control(Decl.ControlDecl c) {
        Decl saved = container;
        container = c;
        try {
            List<Param> ap = params(c.applyParams());
            List<Param> cp = params(c.ctorParams());
            List<Decl> locals = flatMap(c.locals(), this::decl);
            Stmt.Block body = block(c.body());
            return ap == c.applyParams() && cp == c.ctorParams() && locals == c.locals() && body == c.body() ? c
                    : new Decl.ControlDecl(c.name(), c.typeParams(), ap, cp, locals, body, c.annotations(), c.span());
        } finally {
            container = saved;
        }
    }

    public Decl.InstanceDecl instance(Decl.InstanceDecl i) {
        Type t = type(i.type());
        List<Arg> as = args(i.args());
        List<Decl.FunctionDecl> impls = map(i.implementations(), this::function);
        return t == i.type() && as == i.args() && impls == i.implementations() ? i
                : new Decl.InstanceDecl(i.name(), t, as, impls, i.annotations(), i.span());
    }

    /** Rewrites a parser state into the states that replace it. */
    public List<ParserState> parserState(ParserState s) {
        ParserState saved = state;
        state = s;
        try {
            List<Stmt> body = stmts(s.body());
            ParserState.Transition t = transition(s.transition());
            return List.of(body == s.body() && t == s.transition() ? s
                    : new ParserState(s.name(), body, t, s.annotations(), s.span()));
        } finally {
            state = saved;
        }
    }

    public ParserState.Transition transition(ParserState.Transition t) {
        return switch (t) {
            case ParserState.Goto g -> g;
            case ParserState.Select s -> {
                List<Expr> keys = exprs(s.keys());
                List<ParserState.SelectCase> cases = map(s.cases(), c -> {
                    KeySet k = keySet(c.keySet());
                    return k == c.keySet() ? c : new ParserState.SelectCase(k, c.state(), c.span());
                });
                yield keys == s.keys() && cases == s.cases() ? s : new ParserState.Select(keys, cases, s.span());
            }
        };
    }

    public Decl.TableDecl table(Decl.TableDecl t) {
        List<Table.Key> keys = map(t.keys(), this::tableKey);
        List<Table.ActionRef> actions = map(t.actions(), this::actionRef);
        Optional<Table.DefaultAction> def = t.defaultAction().map(this::defaultAction);
        boolean sameDef = def.isEmpty() || def.get() == t.defaultAction().get();
        Optional<Table.Entries> entries = t.entries().map(this::entries);
        boolean sameEntries = entries.isEmpty() || entries.get() == t.entries().get();
        List<Table.Property> props = map(t.properties(), p -> {
            Expr v = expr(p.value());
            return v == p.value() ? p : new Table.Property(p.name(), p.isConst(), v, p.annotations(), p.span());
        });
        return keys == t.keys() && actions == t.actions() && sameDef && sameEntries && props == t.properties() ? t
                : new Decl.TableDecl(t.name(), keys, actions, sameDef ? t.defaultAction() : def,
                        sameEntries ? t.entries() : entries, props, t.annotations(), t.span());
    }

    public Table.Key tableKey(Table.Key k) {
        Expr e = expr(k.expr());
        return e == k.expr() ? k : new Table.Key(e, k.matchKind(), k.annotations(), k.span());
    }

    public Table.ActionRef actionRef(Table.ActionRef a) {
        List<Arg> bound = args(a.boundArgs());
        List<Param> cp = params(a.controlPlaneParams());
        return bound == a.boundArgs() && cp == a.controlPlaneParams() ? a
                : new Table.ActionRef(a.action(), a.global(), bound, cp, a.annotations(), a.span());
    }

    public Table.DefaultAction defaultAction(Table.DefaultAction d) {
        Call.ActionCall c = actionCall(d.call());
        return c == d.call() ? d : new Table.DefaultAction(c, d.isConst(), d.span());
    }

    public Table.Entries entries(Table.Entries es) {
        List<Table.Entry> list = map(es.entries(), e -> {
            KeySet k = keySet(e.keys());
            Call.ActionCall a = actionCall(e.action());
            Optional<Expr> prio = optional(e.priority());
            return k == e.keys() && a == e.action() && prio == e.priority() ? e
                    : new Table.Entry(k, a, prio, e.isConst(), e.annotations(), e.span());
        });
        return list == es.entries() ? es : new Table.Entries(es.isConst(), list, es.span());
    }

    /** An action call in a table (default action, entry), rewritten as a call and kept an action call. */
    protected final Call.ActionCall actionCall(Call.ActionCall c) {
        Expr e = call(c);
        if (e instanceof Call.ActionCall a) {
            return a;
        }
        throw new IllegalStateException("a table's action call was rewritten into " + e);
    }
}
