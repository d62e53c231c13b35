package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.pass.Decls;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import dev.p4ebpf.ir.pass.TypeMapper;
import dev.p4ebpf.ir.print.ExprPrinter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that the program has the form the package documentation promises backends (the midend
 * output contract) and reports each construct that does not as {@code unsupported}, with where it
 * is and which rule it breaks. It changes nothing.
 */
public final class CheckMidendOutput implements Pass {
    /** Reporting stops after this many findings: the rest are almost always the same problem again. */
    static final int MAX_REPORTS = 10;

    @Override
    public String name() {
        return "check-midend-output";
    }

    @Override
    public String summary() {
        return "check the midend output contract (what a backend may rely on)";
    }

    /** One finding: where, what, and the rule it breaks. */
    public record Violation(Span span, String what, String rule) {}

    @Override
    public Program apply(Program program, PassContext context) {
        List<Violation> vs = violations(program);
        for (int i = 0; i < Math.min(vs.size(), MAX_REPORTS); i++) {
            Violation v = vs.get(i);
            context.diagnostics().report(Code.UNSUPPORTED, v.span(), v.what(), "the midend cannot lower it ("
                    + v.rule() + ")");
        }
        return program;
    }

    /** Every construct of {@code program} outside the contract. */
    public static List<Violation> violations(Program program) {
        var c = new Checker(program);
        for (Decl d : program.decls()) {
            if (!Decls.isBundled(d)) {
                c.topLevel(d);
            }
        }
        return c.found;
    }

    /** The finding for an expression kind pure code never has, if {@code x} is one. */
    private static Optional<Violation> outside(Expr x) {
        if (x instanceof Expr.StackProperty p) {
            return Optional.of(new Violation(p.span(), "." + p.property().member(), "parsers are unrolled"));
        }
        if (x instanceof Expr.TupleValue || x instanceof Expr.TupleElement) {
            return Optional.of(new Violation(x.span(), "a tuple value or element", "tuples become structs"));
        }
        if (x instanceof Expr.StructValue) {
            return Optional.of(new Violation(x.span(), "a struct or header value", "values are assigned part by part"));
        }
        if (x instanceof Expr.InvalidHeader) {
            return Optional.of(new Violation(x.span(), "{#}", "invalid headers become setInvalid()"));
        }
        if (x instanceof Call c && !(c instanceof Call.BuiltinCall b && b.builtin() == Call.Builtin.IS_VALID)) {
            return Optional.of(new Violation(c.span(), "a call inside an expression", "calls are statements"));
        }
        return Optional.empty();
    }

    private static final class Checker extends IrRewriter {
        final List<Violation> found = new ArrayList<>();
        private final Set<String> tableActions = new HashSet<>();
        /** Where the checker is, for findings about types (which carry no span). */
        private Span at = Span.NONE;
        private final TypeMapper types = new TypeMapper() {
            @Override
            protected Type rewrite(Type t) {
                if (t instanceof Type.TypeVar v) {
                    add(at, "type variable " + v.name(), "every generic use is specialized");
                } else if (t instanceof Type.Tuple) {
                    add(at, "a tuple type", "tuples become structs");
                }
                return t;
            }
        };

        Checker(Program program) {
            for (Decl.ActionDecl a : program.all(Decl.ActionDecl.class)) {
                tableActions.add(a.name());
            }
        }

        private void add(Span at, String what, String rule) {
            found.add(new Violation(at, what, rule));
        }

        void topLevel(Decl d) {
            at = d.span();
            switch (d) {
                case Decl.ExternDecl e -> { }
                case Decl.ExternFunctionDecl f -> { }
                case Decl.BlockTypeDecl b -> { }
                case Decl.FunctionDecl f -> add(f.span(), "function " + f.name(), "functions are inlined");
                case Decl.TypeDecl t when !t.typeParams().isEmpty() -> { }
                case Decl.ParserDecl p when !p.typeParams().isEmpty() -> { }
                case Decl.ControlDecl c when !c.typeParams().isEmpty() -> { }
                case Decl.ParserDecl p -> parserDecl(p);
                case Decl.ControlDecl c -> controlDecl(c);
                default -> decl(d);
            }
        }

        @Override
        public Type type(Type t) {
            return Types.compileTimeOnly(t) ? t : types.map(t);
        }

        @Override
        public Method method(Method m) {
            return m;
        }

        /** A parameter's type; its default value belongs to the declaration it came from. */
        @Override
        public Param param(Param p) {
            type(p.type());
            return p;
        }

        @Override
        public Expr expr(Expr e) {
            return Types.compileTimeOnly(e.type()) ? e : super.expr(e);
        }

        private void checkBlock(Decl d, List<String> typeParams, List<Param> ctorParams) {
            if (!typeParams.isEmpty()) {
                add(d.span(), d.name() + " with type parameters", "generic parsers and controls are specialized");
            }
            if (!ctorParams.isEmpty()) {
                add(d.span(), d.name() + " with constructor parameters", "constructor arguments are bound");
            }
            for (Decl l : Blocks.locals(d)) {
                local(l);
            }
        }

        private void local(Decl l) {
            at = l.span();
            if (l instanceof Decl.InstanceDecl i && i.type() instanceof Type.Block) {
                add(i.span(), "instance " + i.name() + " of a parser or control", "sub-parsers and controls are inlined");
            } else if (l instanceof Decl.VarDecl v && v.init().isPresent()) {
                add(v.span(), "the initializer of " + v.name(), "variables are declared without initializers");
            } else if (l instanceof Decl.TableDecl t) {
                checkTable(t);
            } else if (l instanceof Decl.ActionDecl a) {
                action(a);
                for (Param p : a.params()) {
                    if (p.direction() != Direction.NONE) {
                        add(p.span(), "parameter " + p.name() + " of table action " + a.name() + " with a direction",
                                "table actions take action data only");
                    }
                }
            }
            if (l instanceof Decl.TableDecl || l instanceof Decl.ActionDecl || l instanceof Decl.ValueSetDecl
                    || l instanceof Decl.InstanceDecl) {
                String n = ControlPlaneNames.of(Decls.annotations(l)).orElse("");
                if (!ControlPlaneNames.isAbsolute(n)) {
                    add(l.span(), l.name() + " without an absolute @name", "control-plane names are qualified");
                }
            }
            if (!(l instanceof Decl.ActionDecl) && !(l instanceof Decl.TableDecl) && !(l instanceof Decl.ValueSetDecl)) {
                decl(l);
            }
        }

        private void checkTable(Decl.TableDecl t) {
            for (Table.Key k : t.keys()) {
                if (!Exprs.isPath(k.expr()) && !Exprs.isLiteral(k.expr())) {
                    add(k.span(), "key " + ExprPrinter.expr(k.expr()) + " of table " + t.name(),
                            "keys are computed into variables");
                }
                if (ControlPlaneNames.of(k.annotations()).isEmpty()) {
                    add(k.span(), "a key of table " + t.name() + " without @name", "keys keep their control-plane name");
                }
            }
            for (Table.ActionRef r : t.actions()) {
                if (!r.boundArgs().isEmpty()) {
                    add(r.span(), "action " + r.action() + " with bound arguments in table " + t.name(),
                            "bound arguments are moved into the action");
                }
            }
        }

        private void parserDecl(Decl.ParserDecl p) {
            checkBlock(p, p.typeParams(), p.ctorParams());
            UnrollParserLoops.firstCycle(p.states(), p).ifPresent(s -> add(s.span(), "the loop through state "
                    + s.name() + " of parser " + p.name(), "parsers are acyclic"));
            for (ParserState s : p.states()) {
                code(s.body(), false);
                if (s.transition() instanceof ParserState.Select sel) {
                    sel.keys().forEach(this::pure);
                }
            }
        }

        private void controlDecl(Decl.ControlDecl c) {
            checkBlock(c, c.typeParams(), c.ctorParams());
            code(c.body().statements(), false);
        }

        @Override
        public Decl.ActionDecl action(Decl.ActionDecl a) {
            code(a.body().statements(), true);
            return a;
        }

        private void code(List<Stmt> ss, boolean actionTop) {
            boolean top = actionTop;
            for (Stmt s : ss) {
                if (!(s instanceof Stmt.VarDecl)) {
                    top = false;
                }
                statement(s, top);
            }
        }

        private void statement(Stmt s, boolean actionTop) {
            at = s.span();
            switch (s) {
                case Stmt.Assign a -> assign(a);
                case Stmt.VarDecl v -> {
                    if (!actionTop || v.init().isPresent()) {
                        add(v.span(), "the declaration of " + v.name() + " here",
                                "variables are declared at block level or at the top of actions, without initializers");
                    }
                    type(v.type());
                }
                case Stmt.CallStmt c -> callStatement(c.call(), c.span());
                case Stmt.If i -> {
                    if (Exprs.appliedTable(i.condition()).isEmpty()) {
                        pure(i.condition());
                    } else if (!(i.condition() instanceof Expr.Member m) || !m.field().equals("hit")) {
                        add(i.span(), "this table condition", "only t.apply().hit is tested");
                    }
                    statement(i.then(), false);
                    i.otherwise().ifPresent(o -> statement(o, false));
                }
                case Stmt.Block b -> code(b.statements(), false);
                case Stmt.Switch sw -> switchStatement(sw);
                case Stmt.Exit e -> add(e.span(), "exit", "exits become flags");
                case Stmt.Return r -> add(r.span(), "return", "returns become flags");
                case Stmt.Empty e -> { }
                case Stmt.For f -> add(f.span(), "a for loop", "loops are unrolled");
                case Stmt.ForIn f -> add(f.span(), "a for loop", "loops are unrolled");
                case Stmt.ForRange f -> add(f.span(), "a for loop", "loops are unrolled");
                case Stmt.Break b -> add(b.span(), "break", "loops are unrolled");
                case Stmt.Continue c -> add(c.span(), "continue", "loops are unrolled");
            }
        }

        private void assign(Stmt.Assign a) {
            lvalue(a.target());
            Type t = Types.rep(a.target().type());
            boolean scalar = t instanceof Type.Bits || t instanceof Type.Bool || t instanceof Type.Enum
                    || t instanceof Type.SerEnum || t instanceof Type.Error || t instanceof Type.Varbit;
            boolean call = a.value() instanceof Call.MethodCall || a.value() instanceof Call.ExternFunctionCall;
            if (call) {
                arguments((Call) a.value());
                return;
            }
            if (t instanceof Type.Header) {
                if (!isLvalue(a.value())) {
                    add(a.span(), "this header assignment", "headers are assigned from l-values only");
                }
            } else if (!scalar) {
                add(a.span(), "an assignment of type " + ExprPrinter.type(a.target().type()),
                        "aggregates are assigned part by part");
            }
            pure(a.value());
        }

        private void callStatement(Call c, Span at) {
            switch (c) {
                case Call.MethodCall m -> {
                    arguments(m);
                    if (ExpandEmits.isEmit(m) && !m.args().isEmpty() && m.args().getFirst().value().isPresent()
                            && !(Types.rep(m.args().getFirst().expr().type()) instanceof Type.Header)) {
                        add(at, "emit of a non-header", "emits are expanded");
                    }
                }
                case Call.ExternFunctionCall f -> arguments(f);
                case Call.BuiltinCall b -> lvalue(b.target());
                case Call.TableApply t -> { }
                case Call.ActionCall a -> add(at, "a call of action " + a.action(), "direct action calls are inlined");
                case Call.FunctionCall f -> add(at, "a call of function " + f.function(), "functions are inlined");
                case Call.ApplyCall a -> add(at, "an apply of a parser or control", "sub-blocks are inlined");
                case Call.ConstructorCall k -> add(at, "an instantiation", "not executable");
            }
        }

        private void arguments(Call c) {
            for (Arg a : c.args()) {
                if (a.value().isEmpty()) {
                    continue;
                }
                Expr v = a.value().get();
                type(a.param().type());
                if (a.param().direction().copiesOut()) {
                    if (!(v instanceof Expr.DontCareArg)) {
                        lvalue(v);
                    }
                } else if (a.param().direction() == Direction.NONE) {
                    continue;
                } else if (a.param().direction() == Direction.IN && !Exprs.isLiteral(v) && !Exprs.isPath(v)
                        && !(v.type() instanceof Type.Extern)) {
                    add(v.span(), "argument " + a.param().name() + " computed in the call",
                            "in-arguments are literals or l-value paths");
                } else {
                    pure(v);
                }
            }
        }

        private void switchStatement(Stmt.Switch sw) {
            Optional<Call.TableApply> t = Exprs.appliedTable(sw.subject());
            if (t.isEmpty()) {
                add(sw.span(), "a switch on a value", "value switches become if chains");
                return;
            }
            for (Stmt.Case c : sw.cases()) {
                if (c.label() instanceof Stmt.DefaultLabel) {
                    add(c.span(), "a default case", "action_run switches name every action");
                }
                c.body().ifPresent(b -> code(b.statements(), false));
            }
            if (sw.cases().isEmpty() || sw.cases().getLast().body().isEmpty()) {
                add(sw.span(), "a switch whose last case has no body", "the last case has a body");
            }
        }

        private static boolean isLvalue(Expr e) {
            if (e instanceof Expr.Var) {
                return true;
            }
            Optional<Expr> base = Exprs.lvalueBase(e);
            return base.isPresent() && !(e instanceof Expr.StackProperty) && isLvalue(base.get());
        }

        private void lvalue(Expr e) {
            if (e instanceof Expr.StackElement s) {
                pure(s.index());
                lvalue(s.stack());
            } else if (e instanceof Expr.DynSlice s) {
                pure(s.lo());
                lvalue(s.operand());
            } else if (e instanceof Expr.Member || e instanceof Expr.Slice) {
                lvalue(Exprs.lvalueBase(e).orElseThrow());
            } else if (!(e instanceof Expr.Var)) {
                add(e.span(), "this l-value", "l-values are variables, fields, stack elements and slices");
            }
            type(e.type());
        }

        private void pure(Expr e) {
            new IrRewriter() {
                @Override
                public Type type(Type t) {
                    return Types.compileTimeOnly(t) ? t : types.map(t);
                }

                @Override
                public Expr expr(Expr x) {
                    Optional<Violation> v = outside(x);
                    if (v.isPresent()) {
                        found.add(v.get());
                        return x;
                    }
                    return super.expr(x);
                }
            }.expr(e);
        }
    }
}
