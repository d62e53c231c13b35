package dev.p4ebpf.frontend.check;

import dev.p4ebpf.frontend.ast.Declaration;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.ParserState;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parser and control declarations: their parameters, local declarations, and bodies (states, or the
 * apply block). Both share one frame for their parameters, locals and the variables of their bodies.
 */
final class BlockChecker {
    private final Checker ck;

    BlockChecker(Checker ck) {
        this.ck = ck;
    }

    /**
     * What parsers and controls have in common: a scope with the type, apply and constructor
     * parameters, and nested in it the scope of the locals (a local may shadow a parameter).
     */
    private record Head(Ctx ctx, List<Param> applyParams, List<Param> ctorParams, Type.Block type) {}

    private Head head(Declaration.BlockType bt, List<Declaration.Parameter> ctor, Ctx outer) {
        Ctx typed = ck.decls.withTypeParams(bt.typeParams(), outer, bt.nameSpan());
        var frame = new Frame(Expr.Frame.CONTAINER, null);
        Ctx ctx = new Ctx(typed.scope().child(), frame, Ctx.Body.DECLARATIONS, Optional.empty(), 0, Optional.empty());
        List<Param> apply = ck.decls.externParams(bt.params(), ctx);
        List<Param> ctorParams = ck.decls.params(ctor, ctx);
        for (Param p : concat(apply, ctorParams)) {
            if (bt.typeParams().contains(p.name())) {
                ck.diags.report(Code.DUPLICATE, p.span(), p.name() + " (a type parameter of " + bt.name() + ")");
            }
        }
        for (Param c : ctorParams) {
            if (apply.stream().anyMatch(a -> a.name().equals(c.name()))) {
                ck.diags.report(Code.DUPLICATE, c.span(), "parameter " + c.name());
            }
        }
        for (Param p : apply) {
            if (p.type() instanceof Type.Block) {
                ck.diags.report(Code.TYPE_NOT_ALLOWED, p.span(), "apply parameter " + p.name(), ExprText.type(p.type()),
                        "parsers and controls are passed to constructors, not to apply");
            }
        }
        ck.decls.declareParams(apply, ctx, false);
        ck.decls.declareParams(ctorParams, ctx, true);
        List<Type> vars = bt.typeParams().stream().map(tp -> (Type) new Type.TypeVar(tp)).toList();
        var type = new Type.Block(DeclChecker.kind(bt.kind()), bt.name(), vars, apply);
        return new Head(ctx.nested(), apply, ctorParams, type);
    }

    private static List<Param> concat(List<Param> a, List<Param> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    Decl.ParserDecl parser(Declaration.Parser p, Ctx outer) {
        Head h = head(p.type(), p.ctorParams(), outer);
        var locals = new ArrayList<Decl>();
        for (Declaration d : p.locals()) {
            local(d, h.ctx()).ifPresent(locals::add);
        }
        List<ParserState> states = new ParserChecker(ck).states(p, h.ctx());
        var decl = new Decl.ParserDecl(p.name(), p.type().typeParams(), h.applyParams(), h.ctorParams(), locals, states,
                p.annotations(), p.span());
        ck.declare(outer.scope(), p.name(), new Symbol.BlockSym(p.name(), p.type().typeParams(), h.type(), h.ctorParams(),
                p.type().nameSpan()), p.type().nameSpan());
        return decl;
    }

    Decl.ControlDecl control(Declaration.Control c, Ctx outer) {
        Head h = head(c.type(), c.ctorParams(), outer);
        ck.tables.enterControl();
        var locals = new ArrayList<Decl>();
        for (Declaration d : c.locals()) {
            local(d, h.ctx()).ifPresent(locals::add);
        }
        Ctx apply = new Ctx(h.ctx().scope().child(), h.ctx().frame(), Ctx.Body.CONTROL_APPLY, Optional.empty(), 0,
                Optional.empty());
        Stmt.Block body = ck.stmts.block(c.apply(), apply);
        var decl = new Decl.ControlDecl(c.name(), c.type().typeParams(), h.applyParams(), h.ctorParams(), locals, body,
                c.annotations(), c.span());
        ck.declare(outer.scope(), c.name(), new Symbol.BlockSym(c.name(), c.type().typeParams(), h.type(), h.ctorParams(),
                c.type().nameSpan()), c.type().nameSpan());
        return decl;
    }

    /** A declaration local to a parser or control. */
    private Optional<Decl> local(Declaration d, Ctx ctx) {
        return switch (d) {
            case Declaration.Constant c -> Optional.of(ck.decls.constant(c, ctx));
            case Declaration.Variable v -> {
                Stmt.VarDecl s = ck.stmts.variable(v, ctx);
                yield Optional.of(new Decl.VarDecl(s.name(), s.type(), s.init(), s.annotations(), s.span()));
            }
            case Declaration.Instance i -> Optional.of(ck.instances.instantiate(i, false, ctx));
            case Declaration.Action a -> Optional.of(ck.decls.action(a, ctx, false));
            case Declaration.Table t -> Optional.of(ck.tables.table(t, ctx));
            case Declaration.ValueSet v -> Optional.of(valueSet(v, ctx));
            default -> {
                ck.diags.report(Code.DECLARATION_NOT_ALLOWED, d.nameSpan(), d.name(),
                        "parsers and controls declare constants, variables, instances, actions, tables and value sets");
                yield Optional.empty();
            }
        };
    }

    private Decl valueSet(Declaration.ValueSet v, Ctx ctx) {
        Type element = ck.types.resolve(v.element(), ctx);
        Expr size = ck.exprs.check(v.size(), ctx);
        if (!(size instanceof Expr.IntLit) && !(size.type() instanceof Type.DontCare)) {
            ck.diags.report(Code.NOT_CONSTANT, v.size().span(), "the size of value set " + v.name());
        }
        ck.declare(ctx.scope(), v.name(), new Symbol.ValueSetSym(v.name(), element, v.nameSpan()), v.nameSpan());
        return new Decl.ValueSetDecl(v.name(), element, size, v.annotations(), v.span());
    }
}
