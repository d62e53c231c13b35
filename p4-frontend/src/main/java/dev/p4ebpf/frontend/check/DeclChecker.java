package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.Declaration;
import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Method;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Checks declarations of types, constants, externs, functions and actions, and the parameter lists
 * they share with parsers, controls and packages.
 */
final class DeclChecker {
    private final Checker ck;

    DeclChecker(Checker ck) {
        this.ck = ck;
    }

    /** A top-level declaration; several IR declarations come out of a typedef that declares its type inline. */
    List<Decl> topLevel(Declaration d, Ctx ctx) {
        return switch (d) {
            case Declaration.Fielded f -> List.of(fielded(f, ctx));
            case Declaration.Enum e -> List.of(enumeration(e, ctx));
            case Declaration.Errors e -> List.of(new Decl.ErrorDecl(members(e.members(), ck.errors, "error"), e.span()));
            case Declaration.MatchKinds m -> {
                List<String> added = members(m.members(), ck.matchKinds, "match_kind");
                for (var member : m.members()) {
                    if (added.contains(member.name())) {
                        ck.declare(ctx.scope(), member.name(), new Symbol.ConstSym(member.name(),
                                new Expr.MatchKindLit(member.name(), member.span()), member.span()), member.span());
                    }
                }
                yield List.of(new Decl.MatchKindDecl(added, m.span()));
            }
            case Declaration.Typedef t -> typedef(t, ctx);
            case Declaration.BlockType b -> List.of(blockType(b, ctx));
            case Declaration.Extern e -> List.of(extern(e, ctx));
            case Declaration.ExternForward e -> {
                var decl = new Decl.ExternDecl(e.name(), List.of(), List.of(), List.of(), e.annotations(), e.span());
                ck.declare(ctx.scope(), e.name(), new Symbol.ExternSym(decl, e.nameSpan()), e.nameSpan());
                yield List.of(decl);
            }
            case Declaration.ExternFunction f -> {
                Method m = method(f.prototype(), ctx, List.of());
                ck.declare(ctx.scope(), m.name(), new Symbol.ExternFunctionSym(m, f.nameSpan()), f.nameSpan());
                yield List.of(new Decl.ExternFunctionDecl(m, f.span()));
            }
            case Declaration.Function f -> List.of(function(f, ctx, true));
            case Declaration.Action a -> List.of(action(a, ctx, true));
            case Declaration.Constant c -> List.of(constant(c, ctx));
            case Declaration.Instance i -> List.of(ck.instances.instantiate(i, true, ctx));
            case Declaration.Parser p -> List.of(ck.blocks.parser(p, ctx));
            case Declaration.Control c -> List.of(ck.blocks.control(c, ctx));
            case Declaration.Variable v -> notHere(v, "variables are declared in parsers, controls and blocks");
            case Declaration.ValueSet v -> notHere(v, "value sets are declared in parsers");
            case Declaration.Table t -> notHere(t, "tables are declared in controls");
        };
    }

    private List<Decl> notHere(Declaration d, String why) {
        ck.diags.report(Code.DECLARATION_NOT_ALLOWED, d.nameSpan(), d.name(), why);
        return List.of();
    }

    private List<String> members(List<Declaration.EnumMember> members, List<String> all, String what) {
        var added = new ArrayList<String>();
        for (var m : members) {
            if (all.contains(m.name())) {
                ck.diags.report(Code.DUPLICATE, m.span(), what + " member " + m.name());
            } else {
                all.add(m.name());
                added.add(m.name());
            }
        }
        return added;
    }

    /** A scope holding the type parameters of a generic declaration. */
    Ctx withTypeParams(List<String> typeParams, Ctx ctx, dev.p4ebpf.ir.diag.Span at) {
        if (typeParams.isEmpty()) {
            return ctx;
        }
        Ctx inner = ctx.nested();
        for (String tp : typeParams) {
            ck.declare(inner.scope(), tp, new Symbol.TypeVarSym(tp, at), at);
        }
        return inner;
    }

    private Decl fielded(Declaration.Fielded f, Ctx ctx) {
        Ctx inner = withTypeParams(f.typeParams(), ctx, f.nameSpan());
        var fields = new ArrayList<Type.Field>();
        var names = new HashSet<String>();
        for (var field : f.fields()) {
            Type t = ck.types.resolve(field.type(), inner);
            if (!names.add(field.name())) {
                ck.diags.report(Code.DUPLICATE, field.nameSpan(), "field " + field.name());
                continue;
            }
            fieldAllowed(f.kind(), field, t).ifPresent(why -> ck.diags.report(Code.TYPE_NOT_ALLOWED, field.type().span(),
                    "field " + field.name(), ExprText.type(t), why));
            fields.add(new Type.Field(field.name(), t, field.annotations()));
        }
        List<Type> vars = f.typeParams().stream().map(tp -> (Type) new Type.TypeVar(tp)).toList();
        Type type = switch (f.kind()) {
            case HEADER -> new Type.Header(f.name(), vars, fields, f.annotations());
            case HEADER_UNION -> new Type.HeaderUnion(f.name(), vars, fields, f.annotations());
            case STRUCT -> new Type.Struct(f.name(), vars, fields, f.annotations());
        };
        ck.declare(ctx.scope(), f.name(), new Symbol.TypeSym(f.name(), f.typeParams(), type, f.nameSpan()), f.nameSpan());
        return new Decl.TypeDecl(type, f.typeParams(), f.span());
    }

    private static Optional<String> fieldAllowed(Declaration.FieldedKind kind, Declaration.Field field, Type t) {
        if (t instanceof Type.DontCare || t instanceof Type.TypeVar) {
            return Optional.empty();
        }
        return switch (kind) {
            case HEADER -> headerField(t) ? Optional.empty()
                    : Optional.of("header fields are bit<>, int<>, varbit<>, bool, serializable enums, or structs and arrays of those");
            case HEADER_UNION -> t instanceof Type.Header ? Optional.empty()
                    : Optional.of("the members of a header union are headers");
            case STRUCT -> t instanceof Type.Extern || t instanceof Type.Block || t instanceof Type.Void
                    || t instanceof Type.InfInt || t instanceof Type.Str || t instanceof Type.MatchKind
                    ? Optional.of("struct fields hold values") : Optional.empty();
        };
    }

    private static boolean headerField(Type t) {
        return switch (t) {
            case Type.Bits b -> true;
            case Type.Varbit v -> true;
            case Type.Bool b -> true;
            case Type.SerEnum e -> true;
            case Type.NewType n -> headerField(n.underlying());
            case Type.Struct s -> s.fields().stream().allMatch(f -> headerField(f.type()) && !(f.type() instanceof Type.Varbit));
            case Type.Stack s -> headerField(s.element()) && !(s.element() instanceof Type.Varbit);
            default -> false;
        };
    }

    private Decl enumeration(Declaration.Enum e, Ctx ctx) {
        Type type;
        if (e.underlying().isEmpty()) {
            var names = new ArrayList<String>();
            for (var m : e.members()) {
                if (names.contains(m.name())) {
                    ck.diags.report(Code.DUPLICATE, m.span(), "enum member " + m.name());
                } else {
                    names.add(m.name());
                }
            }
            type = new Type.Enum(e.name(), names, e.annotations());
        } else {
            type = serializableEnum(e, ctx);
        }
        ck.declare(ctx.scope(), e.name(), new Symbol.TypeSym(e.name(), List.of(), type, e.nameSpan()), e.nameSpan());
        return new Decl.TypeDecl(type, List.of(), e.span());
    }

    private Type serializableEnum(Declaration.Enum e, Ctx ctx) {
        Type u = ck.types.resolve(e.underlying().get(), ctx);
        if (!(u instanceof Type.Bits bits)) {
            if (!(u instanceof Type.DontCare)) {
                ck.diags.report(Code.TYPE_NOT_ALLOWED, e.underlying().get().span(), "enum " + e.name(), ExprText.type(u),
                        "serializable enums are based on bit<> or int<>");
            }
            return Type.DONT_CARE;
        }
        var members = new ArrayList<Type.EnumMember>();
        Ctx inner = ctx.nested();
        for (var m : e.members()) {
            Expr v = ck.exprs.checkAs(m.value().orElseThrow(), bits, inner, "the value of " + m.name());
            if (v instanceof Expr.IntLit lit && !inner.scope().declaresHere(m.name())) {
                // a later member's value may name an earlier member, standing for its value
                inner.scope().declare(m.name(), new Symbol.ConstSym(m.name(), lit, m.span()));
            }
            if (members.stream().anyMatch(x -> x.name().equals(m.name()))) {
                ck.diags.report(Code.DUPLICATE, m.span(), "enum member " + m.name());
            } else if (v instanceof Expr.IntLit lit) {
                members.add(new Type.EnumMember(m.name(), lit.value()));
            } else if (!(v.type() instanceof Type.DontCare)) {
                ck.diags.report(Code.NOT_CONSTANT, m.span(), "the value of enum member " + m.name());
            }
        }
        return new Type.SerEnum(e.name(), bits, members, e.annotations());
    }

    private List<Decl> typedef(Declaration.Typedef t, Ctx ctx) {
        var out = new ArrayList<Decl>();
        Type type;
        if (t.type().isPresent()) {
            if (t.inlineType().isPresent() || t.inlineEnum().isPresent()) {
                out.addAll(topLevel(t.inlineType().isPresent() ? t.inlineType().get() : t.inlineEnum().get(), ctx));
            }
            type = ck.types.resolve(t.type().get(), ctx);
        } else {
            Declaration inline = t.inlineType().isPresent() ? t.inlineType().get() : t.inlineEnum().orElseThrow();
            List<Decl> declared = topLevel(inline, ctx);
            out.addAll(declared);
            type = declared.isEmpty() ? Type.DONT_CARE : ((Decl.TypeDecl) declared.getFirst()).type();
        }
        if (t.newType()) {
            Type rep = dev.p4ebpf.ir.Types.representation(type);
            if (!(rep instanceof Type.Bits || rep instanceof Type.Bool || rep instanceof Type.DontCare)) {
                ck.diags.report(Code.TYPE_NOT_ALLOWED, t.type().map(r -> r.span()).orElse(t.span()), "type " + t.name(),
                        ExprText.type(type), "'type' declares new types of bit<>, int<> or bool");
            }
            var nt = new Type.NewType(t.name(), type, t.annotations());
            ck.declare(ctx.scope(), t.name(), new Symbol.TypeSym(t.name(), List.of(), nt, t.nameSpan()), t.nameSpan());
            out.add(new Decl.TypeDecl(nt, List.of(), t.span()));
        } else {
            ck.declare(ctx.scope(), t.name(), new Symbol.TypeSym(t.name(), List.of(), type, t.nameSpan()), t.nameSpan());
            out.add(new Decl.Typedef(t.name(), type, t.annotations(), t.span()));
        }
        return out;
    }

    private Decl blockType(Declaration.BlockType b, Ctx ctx) {
        Ctx inner = withTypeParams(b.typeParams(), ctx, b.nameSpan());
        List<Param> params = externParams(b.params(), inner);
        var decl = new Decl.BlockTypeDecl(kind(b.kind()), b.name(), b.typeParams(), params, b.annotations(), b.span());
        ck.declare(ctx.scope(), b.name(), new Symbol.BlockTypeSym(decl, b.nameSpan()), b.nameSpan());
        return decl;
    }

    static Type.BlockKind kind(Declaration.BlockKind k) {
        return switch (k) {
            case PARSER -> Type.BlockKind.PARSER;
            case CONTROL -> Type.BlockKind.CONTROL;
            case PACKAGE -> Type.BlockKind.PACKAGE;
        };
    }

    /** Why a parameter cannot have this type with its direction, if it cannot. */
    private static Optional<String> parameterType(Declaration.Parameter p, Type t) {
        boolean objectType = t instanceof Type.Extern || t instanceof Type.Block;
        if (t instanceof Type.Void) {
            return Optional.of("parameters hold values");
        }
        if (objectType && p.direction() != Direction.NONE) {
            return Optional.of("objects are passed without a direction");
        }
        if ((t instanceof Type.Str || t instanceof Type.InfInt || t instanceof Type.MatchKind)
                && p.direction() != Direction.NONE) {
            return Optional.of("compile-time values are passed without a direction");
        }
        return Optional.empty();
    }

    /**
     * Parameters where {@code @optional} is allowed: of extern methods, extern functions and extern
     * constructors, of packages, and the apply parameters of parsers and controls.
     */
    List<Param> externParams(List<Declaration.Parameter> ps, Ctx ctx) {
        return params(ps, ctx, true);
    }

    List<Param> params(List<Declaration.Parameter> ps, Ctx ctx) {
        return params(ps, ctx, false);
    }

    /** Parameters: types resolved, default values checked. */
    private List<Param> params(List<Declaration.Parameter> ps, Ctx ctx, boolean optionalAllowed) {
        var out = new ArrayList<Param>();
        var names = new HashSet<String>();
        for (var p : ps) {
            Type t = ck.types.resolve(p.type(), ctx);
            if (!names.add(p.name())) {
                ck.diags.report(Code.DUPLICATE, p.nameSpan(), "parameter " + p.name());
            }
            parameterType(p, t).ifPresent(why -> ck.diags.report(Code.TYPE_NOT_ALLOWED, p.type().span(),
                    "parameter " + p.name(), ExprText.type(t), why));
            if (p.defaultValue().isPresent() && p.direction().copiesOut()) {
                ck.diags.report(Code.DECLARATION_NOT_ALLOWED, p.defaultValue().get().span(),
                        "a default value for " + p.direction().keyword() + " parameter " + p.name(),
                        "only parameters that are read (in or directionless) have defaults");
            }
            Optional<Expr> def = p.defaultValue().map(v -> ck.exprs.checkAs(v, t, ctx, "the default of " + p.name()));
            boolean optional = Annotation.find(p.annotations(), "optional").isPresent();
            if (optional && !optionalAllowed) {
                ck.diags.report(Code.DECLARATION_NOT_ALLOWED, p.span(), "@optional parameter " + p.name(),
                        "functions, actions and the constructors of parsers and controls take no optional parameters");
            }
            out.add(new Param(p.direction(), t, p.name(), def, optional, p.annotations(), p.span()));
        }
        return out;
    }

    private Decl extern(Declaration.Extern e, Ctx ctx) {
        Ctx inner = withTypeParams(e.typeParams(), ctx, e.nameSpan());
        var decl0 = new Decl.ExternDecl(e.name(), e.typeParams(), List.of(), List.of(), e.annotations(), e.span());
        // declared first so that methods may take or return the extern's own type
        ck.declare(ctx.scope(), e.name(), new Symbol.ExternSym(decl0, e.nameSpan()), e.nameSpan());
        var ctors = new ArrayList<Method>();
        var methods = new ArrayList<Method>();
        for (var m : e.methods()) {
            if (m.isConstructor()) {
                if (!m.name().equals(e.name())) {
                    ck.diags.report(Code.DECLARATION_NOT_ALLOWED, m.nameSpan(), "method " + m.name(),
                            "a method needs a return type; only a constructor, named " + e.name() + ", has none");
                    continue;
                }
                ctors.add(method(m, inner, List.of()));
            } else if (m.name().equals(e.name())) {
                ck.diags.report(Code.DECLARATION_NOT_ALLOWED, m.nameSpan(), "constructor " + m.name(),
                        "a constructor has no return type");
            } else {
                Method mt = method(m, inner, List.of());
                if (mt.returnType() instanceof Type.InfInt || mt.returnType() instanceof Type.Str) {
                    ck.diags.report(Code.TYPE_NOT_ALLOWED, m.returnType().get().span(), "method " + m.name(),
                            ExprText.type(mt.returnType()), "methods return run-time values");
                }
                methods.add(mt);
            }
        }
        duplicates(ctors, "constructor");
        duplicates(methods, "method");
        var decl = new Decl.ExternDecl(e.name(), e.typeParams(), ctors, methods, e.annotations(), e.span());
        ck.redeclareExtern(ctx.scope(), decl, e.nameSpan());
        return decl;
    }

    /** Overloads must differ in the number or the names of their parameters. */
    private void duplicates(List<Method> ms, String what) {
        for (int i = 0; i < ms.size(); i++) {
            for (int j = 0; j < i; j++) {
                Method a = ms.get(i);
                Method b = ms.get(j);
                if (a.name().equals(b.name()) && a.params().stream().map(Param::name).toList()
                        .equals(b.params().stream().map(Param::name).toList())) {
                    ck.diags.report(dev.p4ebpf.ir.diag.Diagnostic.of(Code.DUPLICATE, a.span(), what + " " + a.name())
                            .withNote(b.span(), "a " + what + " with the same parameters is declared here"));
                }
            }
        }
    }

    private Method method(Declaration.Prototype p, Ctx ctx, List<String> outer) {
        Ctx inner = withTypeParams(p.typeParams(), ctx, p.nameSpan());
        Type ret = p.returnType().map(r -> ck.types.resolve(r, inner)).orElse(Type.VOID);
        List<Param> params = externParams(p.params(), inner);
        return new Method(p.name(), p.typeParams(), params, ret, p.isAbstract(), p.annotations(), p.span());
    }

    /** A function; {@code declare} is false for abstract-method implementations, which are not names in scope. */
    Decl.FunctionDecl function(Declaration.Function f, Ctx ctx, boolean declare) {
        var p = f.prototype();
        Ctx typed = withTypeParams(p.typeParams(), ctx, p.nameSpan());
        Type ret = p.returnType().map(r -> ck.types.resolve(r, typed)).orElse(Type.VOID);
        var frame = new Frame(dev.p4ebpf.ir.Expr.Frame.CALLABLE, ctx.frame());
        Ctx body = typed.in(declare ? Ctx.Body.FUNCTION : Ctx.Body.METHOD_IMPLEMENTATION, frame, Optional.of(ret));
        List<Param> params = params(p.params(), body);
        declareParams(params, body, false);
        Stmt.Block block = ck.stmts.block(f.body(), body);
        if (!(ret instanceof Type.Void) && !(ret instanceof Type.DontCare) && StmtChecker.completes(block)) {
            ck.diags.report(Code.MISSING_RETURN, f.nameSpan(), f.name());
        }
        var decl = new Decl.FunctionDecl(f.name(), p.typeParams(), ret, params, block, p.annotations(), f.span());
        if (declare) {
            ck.declare(ctx.scope(), f.name(), new Symbol.FunctionSym(decl, f.nameSpan()), f.nameSpan());
        }
        return decl;
    }

    /** Puts parameters in scope as variables of the frame of {@code ctx}. */
    void declareParams(List<Param> params, Ctx ctx, boolean compileTime) {
        for (Param p : params) {
            ck.declareVar(ctx, p.name(), p.type(), p.direction(), true, compileTime && p.direction() == Direction.NONE,
                    p.span());
        }
    }

    Decl.ActionDecl action(Declaration.Action a, Ctx ctx, boolean global) {
        var frame = new Frame(dev.p4ebpf.ir.Expr.Frame.CALLABLE, ctx.frame());
        Ctx body = ctx.in(Ctx.Body.ACTION, frame, Optional.empty());
        List<Param> params = params(a.params(), body);
        boolean sawDirectionless = false;
        for (Param p : params) {
            if (!actionParamOk(p)) {
                ck.diags.report(Code.TYPE_NOT_ALLOWED, p.span(), "action parameter " + p.name(), ExprText.type(p.type()),
                        "action parameters hold run-time values");
            }
            if (p.direction() == Direction.NONE) {
                sawDirectionless = true;
            } else if (sawDirectionless) {
                ck.diags.report(Code.DECLARATION_NOT_ALLOWED, p.span(), "parameter " + p.name(),
                        "parameters with a direction come before the directionless (control-plane) ones");
            }
        }
        declareParams(params, body, false);
        Stmt.Block block = ck.stmts.block(a.body(), body);
        var decl = new Decl.ActionDecl(a.name(), params, block, a.annotations(), a.span());
        ck.declare(ctx.scope(), a.name(), new Symbol.ActionSym(decl, global, a.nameSpan()), a.nameSpan());
        return decl;
    }

    /** Action parameters hold run-time values. */
    private static boolean actionParamOk(Param p) {
        Type rep = dev.p4ebpf.ir.Types.representation(p.type());
        return !(rep instanceof Type.InfInt || rep instanceof Type.Str || rep instanceof Type.Extern
                || rep instanceof Type.Block || rep instanceof Type.MatchKind);
    }

    Decl.ConstDecl constant(Declaration.Constant c, Ctx ctx) {
        Type t = ck.types.resolve(c.type(), ctx);
        if (!ck.types.isValueType(t) && !(t instanceof Type.MatchKind)) {
            ck.diags.report(Code.TYPE_NOT_ALLOWED, c.type().span(), "constant " + c.name(), ExprText.type(t),
                    "constants hold values");
            t = Type.DONT_CARE;
        }
        Expr v = ck.exprs.checkAs(c.value(), t, ctx, "the value of " + c.name());
        if (!Constants.isCompileTime(v, ctx) && !(v.type() instanceof Type.DontCare)) {
            ck.diags.report(Code.NOT_CONSTANT, c.value().span(), "the value of constant " + c.name());
            v = Conversions.poisoned(v);
        }
        ck.declare(ctx.scope(), c.name(), new Symbol.ConstSym(c.name(), v, c.nameSpan()), c.nameSpan());
        return new Decl.ConstDecl(c.name(), t, v, c.annotations(), c.span());
    }

}
