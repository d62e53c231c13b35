package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.Declaration;
import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.frontend.ast.TypeRef;
import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Instantiation: of externs (choosing a constructor, inferring the extern's type arguments from the
 * constructor's), of parsers and controls (binding constructor parameters), and of packages
 * (inferring their type arguments from the parsers and controls passed to them).
 */
final class Instances {
    private final Checker ck;

    Instances(Checker ck) {
        this.ck = ck;
    }

    /** What an instantiation creates: the instance's type and the constructor arguments. */
    record Constructed(Type type, List<Arg> args) {}

    /** A constructor call used as a value, e.g. {@code MyParser()} in {@code V1Switch(MyParser(), …) main;}. */
    Expr construct(TypeRef.Named name, List<Type> typeArgs, List<Expression.Argument> args, Span at, Ctx ctx) {
        Constructed c = constructed(name, typeArgs, args, at, ctx);
        Expr call = new Call.ConstructorCall(c.type(), c.args(), at);
        return c.type() instanceof Type.DontCare ? Conversions.poisoned(call) : call;
    }

    Decl.InstanceDecl instantiate(Declaration.Instance inst, boolean global, Ctx ctx) {
        TypeRef ref = inst.type();
        Constructed c = switch (ref) {
            case TypeRef.Named n -> constructed(n, List.of(), inst.args(), inst.span(), ctx);
            case TypeRef.Specialized s -> constructed(s.base(), s.args().stream().map(a -> ck.types.argument(a, ctx)).toList(),
                    inst.args(), inst.span(), ctx);
            default -> {
                ck.diags.report(Code.NOT_CALLABLE, ref.span(), "type " + ExprText.type(ck.types.resolve(ref, ctx)));
                yield new Constructed(Type.DONT_CARE, List.of());
            }
        };
        List<Decl.FunctionDecl> implementations = inst.initializer()
                .map(ds -> implementations(inst, c.type(), ds, ctx)).orElse(List.of());
        var sym = new Symbol.InstanceSym(inst.name(), c.type(), global, inst.nameSpan());
        ck.declare(ctx.scope(), inst.name(), sym, inst.nameSpan());
        return new Decl.InstanceDecl(inst.name(), c.type(), c.args(), implementations, inst.annotations(), inst.span());
    }

    private Constructed constructed(TypeRef.Named name, List<Type> typeArgs, List<Expression.Argument> args, Span at,
                                    Ctx ctx) {
        List<Symbol> found = name.dotPrefix() ? ctx.scope().lookupGlobal(name.name()) : ctx.scope().lookup(name.name());
        if (found.isEmpty()) {
            ck.diags.report(Code.UNDECLARED, name.span(), name.name());
            return new Constructed(Type.DONT_CARE, List.of());
        }
        return switch (found.getFirst()) {
            case Symbol.ExternSym e -> extern(e.decl(), typeArgs, args, at, ctx);
            case Symbol.BlockSym b -> block(b, typeArgs, args, at, ctx);
            case Symbol.BlockTypeSym b when b.decl().kind() == Type.BlockKind.PACKAGE -> {
                Symbol chosen = found.get(Overloads.choose(found.stream().map(Symbol::params).toList(), args));
                yield pkg(((Symbol.BlockTypeSym) chosen).decl(), typeArgs, args, at, ctx);
            }
            case Symbol.TypeSym t when t.type() instanceof Type.Extern e && ck.extern(e.name()).isPresent() ->
                    extern(ck.extern(e.name()).get(), typeArgs.isEmpty() ? e.typeArgs() : typeArgs, args, at, ctx);
            case Symbol.TypeSym t when t.type() instanceof Type.Block b -> typedefBlock(t, b, typeArgs, args, at, ctx);
            case Symbol other -> {
                ck.diags.report(Code.NOT_CALLABLE, name.span(), other.describe() + " (it cannot be instantiated)");
                yield new Constructed(Type.DONT_CARE, List.of());
            }
        };
    }

    private Constructed extern(Decl.ExternDecl d, List<Type> typeArgs, List<Expression.Argument> args, Span at, Ctx ctx) {
        if (d.constructors().isEmpty()) {
            ck.diags.report(Code.NOT_CALLABLE, at, "extern " + d.name() + " (it declares no constructor)");
            return new Constructed(Type.DONT_CARE, List.of());
        }
        Method ctor = d.constructors().get(Overloads.choose(d.constructors().stream().map(Method::params).toList(), args));
        var bound = ck.calls.arguments().bind(d.name(), ctor.params(), d.typeParams(), typeArgs, args, at, ctx);
        requireConstants(bound.args(), ctx);
        return new Constructed(new Type.Extern(d.name(), d.typeParams().isEmpty() ? List.of() : bound.typeArgs()),
                bound.args());
    }

    private Constructed block(Symbol.BlockSym b, List<Type> typeArgs, List<Expression.Argument> args, Span at, Ctx ctx) {
        Type.Block type = b.type();
        List<Param> ctorParams = b.ctorParams();
        if (!typeArgs.isEmpty()) {
            if (typeArgs.size() != b.typeParams().size()) {
                ck.diags.report(Code.TYPE_ARGUMENTS, at, b.name(), b.typeParams().size(), typeArgs.size());
                return new Constructed(Type.DONT_CARE, List.of());
            }
            var subst = dev.p4ebpf.ir.TypeSubst.of(b.typeParams(), typeArgs);
            type = new Type.Block(type.kind(), type.name(), typeArgs, TypeResolver.substitute(type.applyParams(), subst));
            ctorParams = TypeResolver.substitute(ctorParams, subst);
        }
        var bound = ck.calls.arguments().bind(b.name(), ctorParams, List.of(), List.of(), args, at, ctx);
        return new Constructed(type, bound.args());
    }

    /** An instantiation through a typedef of a parser, control or package type. */
    private Constructed typedefBlock(Symbol.TypeSym t, Type.Block b, List<Type> typeArgs, List<Expression.Argument> args,
                                     Span at, Ctx ctx) {
        Optional<Symbol> target = ctx.scope().lookup(b.name()).stream().findFirst();
        if (target.isPresent() && target.get() instanceof Symbol.BlockSym bs) {
            return block(bs, typeArgs.isEmpty() ? concrete(b.typeArgs()) : typeArgs, args, at, ctx);
        }
        if (target.isPresent() && target.get() instanceof Symbol.BlockTypeSym bt && bt.decl().kind() == Type.BlockKind.PACKAGE) {
            return pkg(bt.decl(), typeArgs.isEmpty() ? concrete(b.typeArgs()) : typeArgs, args, at, ctx);
        }
        ck.diags.report(Code.NOT_CALLABLE, at, t.describe() + " (it cannot be instantiated)");
        return new Constructed(Type.DONT_CARE, List.of());
    }

    /** Type arguments a typedef fixed, or none when it left them open. */
    private static List<Type> concrete(List<Type> args) {
        return args.stream().anyMatch(a -> Arguments.mentions(a, typeVarNames(args))) ? List.of() : args;
    }

    private static List<String> typeVarNames(List<Type> args) {
        return args.stream().filter(Type.TypeVar.class::isInstance).map(a -> ((Type.TypeVar) a).name()).toList();
    }

    private Constructed pkg(Decl.BlockTypeDecl d, List<Type> typeArgs, List<Expression.Argument> args, Span at, Ctx ctx) {
        var bound = ck.calls.arguments().bind(d.name(), d.params(), d.typeParams(), typeArgs, args, at, ctx);
        var type = new Type.Block(Type.BlockKind.PACKAGE, d.name(), bound.typeArgs(),
                TypeResolver.substitute(d.params(), bound.subst()));
        return new Constructed(type, bound.args());
    }

    /** Constructor arguments are fixed when the object is created: they must be compile-time values. */
    private void requireConstants(List<Arg> args, Ctx ctx) {
        for (Arg a : args) {
            a.value().filter(v -> !Constants.isCompileTime(v, ctx))
                    .ifPresent(v -> ck.diags.report(Code.NOT_CONSTANT, v.span(), "constructor argument " + a.param().name()));
        }
    }

    /** The bodies given for an extern's abstract methods in {@code T(args) x = { … };}. */
    private List<Decl.FunctionDecl> implementations(Declaration.Instance inst, Type type, List<Declaration> decls, Ctx ctx) {
        var out = new ArrayList<Decl.FunctionDecl>();
        Optional<Decl.ExternDecl> extern = type instanceof Type.Extern e ? ck.extern(e.name()) : Optional.empty();
        for (Declaration d : decls) {
            if (!(d instanceof Declaration.Function f)) {
                ck.diags.report(Code.DECLARATION_NOT_ALLOWED, d.span(), d.name(),
                        "an instance initializer holds only implementations of abstract methods");
                continue;
            }
            boolean isAbstract = extern.isPresent() && extern.get().methods().stream()
                    .anyMatch(m -> m.isAbstract() && m.name().equals(f.name()));
            if (!isAbstract) {
                ck.diags.report(Code.DECLARATION_NOT_ALLOWED, f.nameSpan(), "function " + f.name(),
                        ExprText.type(type) + " has no abstract method of that name");
                continue;
            }
            out.add(ck.decls.function(f, ctx.withThis(type), false));
        }
        return out;
    }
}
