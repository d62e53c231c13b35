package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.TypeSubst;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Span;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Checks calls: of actions, functions, extern functions and methods, the built-in methods of
 * headers and stacks, {@code apply} of tables, parsers and controls, and constructor calls.
 */
final class CallChecker {
    private static final Param COUNT = new Param(Direction.IN, Type.INF_INT, "count");

    private final Checker ck;
    private final Arguments arguments;

    CallChecker(Checker ck) {
        this.ck = ck;
        this.arguments = new Arguments(ck);
    }

    Arguments arguments() {
        return arguments;
    }

    Expr call(Expression.Call c, Ctx ctx) {
        List<Type> typeArgs = c.typeArgs().stream().map(t -> ck.types.argument(t, ctx)).toList();
        return switch (c.callee()) {
            case Expression.Name n -> named(n, typeArgs, c, ctx);
            case Expression.Member m -> method(m, typeArgs, c, ctx);
            default -> {
                ck.diags.report(Code.NOT_CALLABLE, c.callee().span(), "this expression");
                yield Conversions.poisoned(new Expr.BoolLit(false, c.span()));
            }
        };
    }

    private Expr named(Expression.Name n, List<Type> typeArgs, Expression.Call c, Ctx ctx) {
        List<Symbol> found = n.dotPrefix() ? ctx.scope().lookupGlobal(n.name()) : ctx.scope().lookup(n.name());
        if (found.isEmpty()) {
            ck.diags.report(Code.UNDECLARED, n.span(), n.name());
            c.args().forEach(a -> ck.exprs.check(a.value(), ctx));
            return Conversions.poisoned(new Expr.BoolLit(false, c.span()));
        }
        Symbol first = found.getFirst();
        if (first instanceof Symbol.FunctionSym || first instanceof Symbol.ExternFunctionSym) {
            return function(n.name(), overload(found, c.args()), typeArgs, c, ctx);
        }
        return switch (first) {
            case Symbol.ActionSym a -> {
                if (!typeArgs.isEmpty()) {
                    ck.diags.report(Code.TYPE_ARGUMENTS, c.span(), "action " + a.decl().name(), 0, typeArgs.size());
                }
                yield action(a, c, ctx);
            }
            case Symbol s when ExprChecker.isTypeSymbol(s) -> constructor(n, typeArgs, c, ctx);
            default -> {
                ck.diags.report(Code.NOT_CALLABLE, n.span(), first.describe());
                yield Conversions.poisoned(new Expr.BoolLit(false, c.span()));
            }
        };
    }

    /** Among same-named functions, the one whose parameters fit the arguments. */
    private static Symbol overload(List<Symbol> found, List<Expression.Argument> args) {
        return found.get(Overloads.choose(found.stream().map(Symbol::params).toList(), args));
    }

    private Expr function(String name, Symbol sym, List<Type> typeArgs, Expression.Call c, Ctx ctx) {
        return switch (sym) {
            case Symbol.FunctionSym f -> {
                Decl.FunctionDecl d = f.decl();
                var b = arguments.bind(name, d.params(), d.typeParams(), typeArgs, c.args(), c.span(), ctx);
                yield new Call.FunctionCall(name, d.typeParams().isEmpty() ? List.of() : b.typeArgs(), b.args(),
                        b.subst().apply(d.returnType()), c.span());
            }
            case Symbol.ExternFunctionSym e -> {
                Method m = e.method();
                var b = arguments.bind(name, m.params(), m.typeParams(), typeArgs, c.args(), c.span(), ctx);
                Expr call = new Call.ExternFunctionCall(m, m.typeParams().isEmpty() ? List.of() : b.typeArgs(), b.args(),
                        b.subst().apply(m.returnType()), c.span());
                if (name.equals("verify") && ctx.body() != Ctx.Body.PARSER_STATE) {
                    ck.diags.report(Code.CALL_NOT_ALLOWED, c.span(), "verify", "it ends parsing, so it is called in parsers");
                }
                yield name.equals("static_assert") ? staticAssert(b.args(), c.span()) : call;
            }
            default -> throw new IllegalStateException("not a function: " + sym);
        };
    }

    /** {@code static_assert(check[, message])}: evaluated now; its value is {@code true}. */
    private Expr staticAssert(List<Arg> args, Span at) {
        Expr check = args.getFirst().value().orElse(new Expr.BoolLit(true, at));
        if (check instanceof Expr.BoolLit b) {
            if (!b.value()) {
                String message = args.size() > 1 && args.get(1).value().orElse(null) instanceof Expr.StrLit s
                        ? ": " + s.value() : "";
                ck.diags.report(Code.STATIC_ASSERT, at, message);
            }
            return new Expr.BoolLit(true, at);
        }
        if (!(check.type() instanceof Type.DontCare)) {
            ck.diags.report(Code.NOT_CONSTANT, check.span(), "the condition of static_assert");
        }
        return Conversions.poisoned(new Expr.BoolLit(true, at));
    }

    private Expr action(Symbol.ActionSym a, Expression.Call c, Ctx ctx) {
        if (ctx.body() != Ctx.Body.CONTROL_APPLY && ctx.body() != Ctx.Body.ACTION) {
            ck.diags.report(Code.CALL_NOT_ALLOWED, c.span(), a.describe(),
                    "actions are called from control apply blocks, actions and tables");
        }
        var b = arguments.bind(a.decl().name(), a.decl().params(), List.of(), List.of(), c.args(), c.span(), ctx);
        return new Call.ActionCall(a.decl().name(), a.global(), b.args(), c.span());
    }

    private Expr constructor(Expression.Name n, List<Type> typeArgs, Expression.Call c, Ctx ctx) {
        if (ctx.body().executable()) {
            ck.diags.report(Code.NOT_ALLOWED_HERE, c.span(), "an instantiation",
                    "objects are instantiated in declarations, not in executable code");
        }
        return ck.instances.construct(new dev.p4ebpf.frontend.ast.TypeRef.Named(n.name(), n.dotPrefix(), n.span()),
                typeArgs, c.args(), c.span(), ctx);
    }

    private Expr method(Expression.Member m, List<Type> typeArgs, Expression.Call c, Ctx ctx) {
        Optional<Expr> typeLevel = typeLevel(m, typeArgs, c, ctx);
        if (typeLevel.isPresent()) {
            return typeLevel.get();
        }
        if (m.base() instanceof Expression.Name n && m.member().equals("apply")) {
            Optional<Symbol> s = ctx.scope().lookupOne(n.name());
            if (s.isPresent() && s.get() instanceof Symbol.TableSym t) {
                return tableApply(t, c, ctx);
            }
        }
        Expr base = ck.exprs.check(m.base(), ctx);
        return switch (base.type()) {
            case Type.DontCare d -> {
                c.args().forEach(a -> ck.exprs.check(a.value(), ctx));
                yield Conversions.poisoned(base);
            }
            case Type.Extern e -> externMethod(base, e, m, typeArgs, c, ctx);
            case Type.Block b when m.member().equals("apply") -> apply(base, b, c, ctx);
            case Type.Header h -> builtin(base, m, c, ctx);
            case Type.HeaderUnion u -> builtin(base, m, c, ctx);
            case Type.Stack s -> builtin(base, m, c, ctx);
            default -> sizeOf(base.type(), m, c).orElseGet(() -> {
                ck.diags.report(Code.NO_MEMBER, m.memberSpan(), ExprText.type(base.type()), m.member());
                return Conversions.poisoned(base);
            });
        };
    }

    /** {@code T.minSizeInBits()}, {@code MyControl.apply(…)}, {@code MyParser<bit>.apply(…)}. */
    private Optional<Expr> typeLevel(Expression.Member m, List<Type> typeArgs, Expression.Call c, Ctx ctx) {
        Expression base = m.base();
        List<dev.p4ebpf.frontend.ast.TypeRef> baseArgs = List.of();
        if (base instanceof Expression.Specialized sp) {
            baseArgs = sp.typeArgs();
            base = sp.base();
        }
        Optional<Symbol> sym = ck.exprs.typeName(base, ctx);
        if (sym.isEmpty() || !(base instanceof Expression.Name n)) {
            return Optional.empty();
        }
        var ref = baseArgs.isEmpty() ? new dev.p4ebpf.frontend.ast.TypeRef.Named(n.name(), n.dotPrefix(), n.span())
                : new dev.p4ebpf.frontend.ast.TypeRef.Specialized(
                        new dev.p4ebpf.frontend.ast.TypeRef.Named(n.name(), n.dotPrefix(), n.span()), baseArgs, m.base().span());
        Type type = ck.types.resolve(ref, ctx);
        if (m.member().equals("apply") && type instanceof Type.Block b && b.kind() != Type.BlockKind.PACKAGE) {
            Expr instance = new Call.ConstructorCall(type, List.of(), m.base().span());
            return Optional.of(apply(instance, b, c, ctx));
        }
        return Optional.of(sizeOf(type, m, c).orElseGet(() -> {
            ck.diags.report(Code.NO_MEMBER, m.memberSpan(), sym.get().describe(), m.member());
            return Conversions.poisoned(new Expr.BoolLit(false, c.span()));
        }));
    }

    private Optional<Expr> sizeOf(Type t, Expression.Member m, Expression.Call c) {
        return switch (m.member()) {
            case "minSizeInBits", "minSizeInBytes", "maxSizeInBits", "maxSizeInBytes" -> {
                if (!c.args().isEmpty()) {
                    ck.diags.report(Code.ARGUMENT_COUNT, c.span(), m.member(), 0, c.args().size());
                }
                Optional<BigInteger> size = ck.members.size(t, m.member());
                if (size.isEmpty() && !(t instanceof Type.DontCare)) {
                    ck.diags.report(Code.BAD_OPERAND, m.memberSpan(), m.member(), ExprText.type(t));
                }
                yield Optional.of(size.<Expr>map(v -> new Expr.IntLit(v, Type.INF_INT, c.span()))
                        .orElseGet(() -> Conversions.poisoned(new Expr.IntLit(BigInteger.ZERO, Type.INF_INT, c.span()))));
            }
            default -> Optional.empty();
        };
    }

    private Expr tableApply(Symbol.TableSym t, Expression.Call c, Ctx ctx) {
        if (ctx.body() != Ctx.Body.CONTROL_APPLY) {
            ck.diags.report(Code.CALL_NOT_ALLOWED, c.span(), "table " + t.decl().name(),
                    "tables are applied only in the apply block of a control");
        }
        if (!c.args().isEmpty()) {
            ck.diags.report(Code.ARGUMENT_COUNT, c.span(), t.decl().name() + ".apply", 0, c.args().size());
        }
        return new Call.TableApply(t.decl().name(), new Type.TableResult(t.decl().name()), c.span());
    }

    private Expr apply(Expr instance, Type.Block b, Expression.Call c, Ctx ctx) {
        boolean parserHere = b.kind() == Type.BlockKind.PARSER && ctx.body() == Ctx.Body.PARSER_STATE;
        boolean controlHere = b.kind() == Type.BlockKind.CONTROL && ctx.body() == Ctx.Body.CONTROL_APPLY;
        if (!parserHere && !controlHere) {
            ck.diags.report(Code.CALL_NOT_ALLOWED, c.span(), b.kind().keyword() + " " + b.name(),
                    b.kind() == Type.BlockKind.PARSER ? "parsers are applied from parser states"
                            : "controls are applied from control apply blocks");
        }
        var bound = arguments.bind(b.name() + ".apply", b.applyParams(), List.of(), List.of(), c.args(), c.span(), ctx);
        return new Call.ApplyCall(instance, bound.args(), c.span());
    }

    private Expr externMethod(Expr base, Type.Extern e, Expression.Member m, List<Type> typeArgs, Expression.Call c,
                              Ctx ctx) {
        Optional<Decl.ExternDecl> decl = ck.extern(e.name());
        if (decl.isEmpty()) {
            ck.diags.report(Code.NO_MEMBER, m.memberSpan(), ExprText.type(e), m.member());
            return Conversions.poisoned(base);
        }
        List<Method> candidates = decl.get().methods().stream().filter(mt -> mt.name().equals(m.member())).toList();
        if (candidates.isEmpty()) {
            ck.diags.report(Code.NO_MEMBER, m.memberSpan(), ExprText.type(e), m.member());
            c.args().forEach(a -> ck.exprs.check(a.value(), ctx));
            return Conversions.poisoned(base);
        }
        Method chosen = candidates.get(Overloads.choose(candidates.stream().map(Method::params).toList(), c.args()));
        Method method = substitute(chosen, decl.get().typeParams(), e.typeArgs());
        var b = arguments.bind(m.member(), method.params(), method.typeParams(), typeArgs, c.args(), c.span(), ctx);
        PacketMethods.check(ck, e.name(), method, b, c.span());
        return new Call.MethodCall(base, method, method.typeParams().isEmpty() ? List.of() : b.typeArgs(), b.args(),
                b.subst().apply(method.returnType()), c.span());
    }

    /** A method of a generic extern with the extern's type arguments put in. */
    static Method substitute(Method m, List<String> params, List<Type> args) {
        if (params.isEmpty() || args.size() != params.size()) {
            return m;
        }
        var subst = TypeSubst.of(params, args);
        return new Method(m.name(), m.typeParams(), TypeResolver.substitute(m.params(), subst),
                subst.apply(m.returnType()), m.isAbstract(), m.annotations(), m.span());
    }

    private Expr builtin(Expr base, Expression.Member m, Expression.Call c, Ctx ctx) {
        Type t = base.type();
        Optional<Call.Builtin> builtin = switch (m.member()) {
            case "isValid" -> t instanceof Type.Stack ? Optional.empty() : Optional.of(Call.Builtin.IS_VALID);
            case "setValid" -> t instanceof Type.Header ? Optional.of(Call.Builtin.SET_VALID) : Optional.empty();
            case "setInvalid" -> t instanceof Type.Header ? Optional.of(Call.Builtin.SET_INVALID) : Optional.empty();
            case "push_front" -> t instanceof Type.Stack ? Optional.of(Call.Builtin.PUSH_FRONT) : Optional.empty();
            case "pop_front" -> t instanceof Type.Stack ? Optional.of(Call.Builtin.POP_FRONT) : Optional.empty();
            default -> Optional.empty();
        };
        if (builtin.isEmpty()) {
            return sizeOf(t, m, c).orElseGet(() -> {
                ck.diags.report(Code.NO_MEMBER, m.memberSpan(), ExprText.type(t), m.member());
                return Conversions.poisoned(base);
            });
        }
        return switch (builtin.get()) {
            case IS_VALID -> {
                noArguments(m.member(), c);
                yield new Call.BuiltinCall(base, Call.Builtin.IS_VALID, List.of(), Type.BOOL, c.span());
            }
            case SET_VALID, SET_INVALID -> {
                noArguments(m.member(), c);
                writable(base, m, ctx);
                yield new Call.BuiltinCall(base, builtin.get(), List.of(), Type.VOID, c.span());
            }
            case PUSH_FRONT, POP_FRONT -> stackShift(base, builtin.get(), m, c, ctx);
        };
    }

    private Expr stackShift(Expr base, Call.Builtin builtin, Expression.Member m, Expression.Call c, Ctx ctx) {
        writable(base, m, ctx);
        if (c.args().size() != 1) {
            ck.diags.report(Code.ARGUMENT_COUNT, c.span(), m.member(), 1, c.args().size());
            return Conversions.poisoned(base);
        }
        Optional<BigInteger> count = ck.exprs.constant(c.args().getFirst().value(), ctx, "the count of " + m.member());
        if (count.isPresent() && count.get().signum() < 0) {
            ck.diags.report(Code.OUT_OF_BOUNDS, c.args().getFirst().span(), "count " + count.get(), "it must not be negative");
        }
        Expr n = new Expr.IntLit(count.orElse(BigInteger.ZERO), Type.INF_INT, c.args().getFirst().span());
        return new Call.BuiltinCall(base, builtin, List.of(Arg.of(COUNT, n)), Type.VOID, c.span());
    }

    private void noArguments(String method, Expression.Call c) {
        if (!c.args().isEmpty()) {
            ck.diags.report(Code.ARGUMENT_COUNT, c.span(), method, 0, c.args().size());
        }
    }

    private void writable(Expr base, Expression.Member m, Ctx ctx) {
        Lvalues.why(base, ctx).ifPresent(why -> ck.diags.report(Code.NOT_LVALUE, m.base().span(),
                "the target of " + m.member(), why));
    }
}
