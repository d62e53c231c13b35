package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.frontend.ast.TypeRef;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.TypeSubst;
import dev.p4ebpf.ir.Types;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Span;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Resolves types as written to IR types: looks names up, instantiates generic types with their
 * arguments, evaluates widths and sizes. A type that cannot be resolved is reported once and becomes
 * {@link Type.DontCare}, which the rest of the checker accepts silently so that one mistake gives
 * one message.
 */
final class TypeResolver {
    /** Widths beyond this are refused: no target handles them and they would cost memory to fold. */
    static final int MAX_WIDTH = 1 << 16;

    private final Checker ck;

    TypeResolver(Checker ck) {
        this.ck = ck;
    }

    Type resolve(TypeRef ref, Ctx ctx) {
        return switch (ref) {
            case TypeRef.Prim p -> switch (p.kind()) {
                case BOOL -> Type.BOOL;
                case STRING -> Type.STRING;
                case ERROR -> Type.ERROR;
                case MATCH_KIND -> Type.MATCH_KIND;
                case VOID -> Type.VOID;
                case DONT_CARE -> {
                    ck.diags.report(Code.NOT_ALLOWED_HERE, p.span(), "'_' as a type",
                            "it stands only for a type argument left to inference");
                    yield Type.DONT_CARE;
                }
            };
            case TypeRef.Bits b -> b.width().isEmpty()
                    ? (b.signed() ? Type.INF_INT : Type.Bits.unsigned(1))
                    : width(b.width().get(), b.signed() ? 1 : 0, ctx, b.signed() ? "int<>" : "bit<>")
                            .map(w -> (Type) new Type.Bits(w, b.signed())).orElse(Type.DONT_CARE);
            case TypeRef.Varbit v -> width(v.width(), 0, ctx, "varbit<>").map(w -> (Type) new Type.Varbit(w))
                    .orElse(Type.DONT_CARE);
            case TypeRef.Stack s -> stack(s, ctx);
            case TypeRef.Tuple t -> new Type.Tuple(t.elements().stream().map(e -> resolve(e, ctx)).toList());
            case TypeRef.P4List l -> new Type.P4List(resolve(l.element(), ctx));
            case TypeRef.Named n -> named(n, List.of(), n.span(), ctx);
            case TypeRef.Specialized s -> named(s.base(), s.args().stream().map(a -> argument(a, ctx)).toList(), s.span(), ctx);
        };
    }

    /** A type argument: any type, or {@code _} for one to infer. */
    Type argument(TypeRef ref, Ctx ctx) {
        return ref instanceof TypeRef.Prim p && p.kind() == TypeRef.PrimKind.DONT_CARE ? Type.DONT_CARE : resolve(ref, ctx);
    }

    private Type stack(TypeRef.Stack s, Ctx ctx) {
        Type element = resolve(s.element(), ctx);
        Optional<Integer> size = width(s.size(), 0, ctx, "an array size");
        if (size.isEmpty() || element instanceof Type.DontCare) {
            return Type.DONT_CARE;
        }
        if (element instanceof Type.Void || element instanceof Type.Extern || element instanceof Type.Block) {
            ck.diags.report(Code.TYPE_NOT_ALLOWED, s.span(), "an array element", ExprText.type(element),
                    "arrays hold values");
            return Type.DONT_CARE;
        }
        return new Type.Stack(element, size.get());
    }

    /** Evaluates a width or size: a compile-time integer of at least {@code min}. */
    Optional<Integer> width(Expression e, int min, Ctx ctx, String what) {
        Expr value = ck.exprs.check(e, ctx);
        if (value.type() instanceof Type.DontCare) {
            return Optional.empty();
        }
        if (value instanceof Expr.IntLit lit && lit.value().compareTo(BigInteger.valueOf(min)) >= 0
                && lit.value().compareTo(BigInteger.valueOf(MAX_WIDTH)) <= 0) {
            return Optional.of(lit.value().intValueExact());
        }
        String found = value instanceof Expr.IntLit lit ? lit.value().toString() : ExprText.of(value);
        ck.diags.report(Code.BAD_WIDTH, e.span(), what, min, found);
        return Optional.empty();
    }

    private Type named(TypeRef.Named n, List<Type> args, Span span, Ctx ctx) {
        List<Symbol> found = n.dotPrefix() ? ctx.scope().lookupGlobal(n.name()) : ctx.scope().lookup(n.name());
        if (found.isEmpty()) {
            ck.diags.report(Code.UNDECLARED, n.span(), "type " + n.name());
            return Type.DONT_CARE;
        }
        Symbol sym = found.getFirst();
        return switch (sym) {
            case Symbol.TypeSym t -> instantiate(n.name(), t.typeParams(), args, span, t.type());
            case Symbol.TypeVarSym v -> noArgs(n.name(), args, span, new Type.TypeVar(v.name()));
            case Symbol.ExternSym e -> externType(e, args, span);
            case Symbol.BlockSym b -> instantiateBlock(b.name(), b.typeParams(), args, span, b.type());
            case Symbol.BlockTypeSym b -> instantiateBlock(b.decl().name(), b.decl().typeParams(), args, span,
                    new Type.Block(b.decl().kind(), b.decl().name(), b.decl().typeParams().stream()
                            .map(tp -> (Type) new Type.TypeVar(tp)).toList(), b.decl().params()));
            default -> {
                ck.diags.report(Code.NOT_A_TYPE, n.span(), n.name(), sym.describe());
                yield Type.DONT_CARE;
            }
        };
    }

    private Type noArgs(String name, List<Type> args, Span span, Type t) {
        if (!args.isEmpty()) {
            ck.diags.report(Code.TYPE_ARGUMENTS, span, name, 0, args.size());
            return Type.DONT_CARE;
        }
        return t;
    }

    private Type instantiate(String name, List<String> params, List<Type> args, Span span, Type generic) {
        if (params.size() != args.size()) {
            ck.diags.report(Code.TYPE_ARGUMENTS, span, name, params.size(), args.size());
            return Type.DONT_CARE;
        }
        if (params.isEmpty()) {
            return generic;
        }
        Type t = TypeSubst.of(params, args).apply(generic);
        return switch (t) {
            case Type.Struct s -> new Type.Struct(s.name(), args, s.fields(), s.annotations());
            case Type.Header h -> new Type.Header(h.name(), args, h.fields(), h.annotations());
            case Type.HeaderUnion u -> new Type.HeaderUnion(u.name(), args, u.fields(), u.annotations());
            default -> t;
        };
    }

    private Type instantiateBlock(String name, List<String> params, List<Type> args, Span span, Type.Block generic) {
        if (args.isEmpty()) {
            return generic;
        }
        if (params.size() != args.size()) {
            ck.diags.report(Code.TYPE_ARGUMENTS, span, name, params.size(), args.size());
            return Type.DONT_CARE;
        }
        var subst = TypeSubst.of(params, args);
        return new Type.Block(generic.kind(), generic.name(), args,
                generic.applyParams().stream().map(p -> p.withType(subst.apply(p.type()))).toList());
    }

    private Type externType(Symbol.ExternSym e, List<Type> args, Span span) {
        int expected = e.decl().typeParams().size();
        if (!args.isEmpty() && args.size() != expected) {
            ck.diags.report(Code.TYPE_ARGUMENTS, span, e.decl().name(), expected, args.size());
            return Type.DONT_CARE;
        }
        return new Type.Extern(e.decl().name(), args);
    }

    /** The type of a variable, field or parameter: reports the ones no value can have. */
    boolean isValueType(Type t) {
        return switch (t) {
            case Type.Void v -> false;
            case Type.Extern e -> false;
            case Type.Block b -> false;
            case Type.MatchKind m -> false;
            case Type.ActionEnum a -> false;
            case Type.TableResult r -> false;
            default -> true;
        };
    }

    /** Params with their types run through {@code subst}. */
    static List<Param> substitute(List<Param> params, TypeSubst subst) {
        return subst.isEmpty() ? params : params.stream().map(p -> p.withType(subst.apply(p.type()))).toList();
    }

    /** Whether a value of type t can be extracted from or emitted into a packet. */
    static boolean serializable(Type t) {
        return switch (Types.representation(t)) {
            case Type.Bits b -> true;
            case Type.Varbit v -> true;
            case Type.SerEnum e -> true;
            case Type.Bool b -> true;
            default -> false;
        };
    }
}
