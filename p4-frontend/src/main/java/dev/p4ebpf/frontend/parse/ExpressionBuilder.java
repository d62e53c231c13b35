package dev.p4ebpf.frontend.parse;

import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.frontend.ast.Expression.BinaryOp;
import dev.p4ebpf.frontend.ast.Expression.UnaryOp;
import dev.p4ebpf.frontend.ast.TypeRef;
import dev.p4ebpf.frontend.parse.P4Parser.*;
import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds the AST of expressions, types, arguments and annotations from the parse tree. */
final class ExpressionBuilder {
    private final Spans spans;
    private final Diagnostics diags;

    ExpressionBuilder(Spans spans, Diagnostics diags) {
        this.spans = spans;
        this.diags = diags;
    }

    Spans spans() {
        return spans;
    }

    // ---------------------------------------------------------------- names and annotations

    static String name(NameContext n) {
        return n.getText();
    }

    List<Annotation> annotations(AnnotationsContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        return ctx.annotation().stream().map(this::annotation).toList();
    }

    private Annotation annotation(AnnotationContext ctx) {
        Span span = spans.of(ctx);
        return switch (ctx) {
            case UnstructuredAnnotationContext u -> u.annotationBody() == null
                    ? new Annotation(u.annotationName().getText(), Annotation.Body.NONE, "", span)
                    : new Annotation(u.annotationName().getText(), Annotation.Body.UNSTRUCTURED,
                            tokenText(u.annotationBody()), span);
            case StructuredAnnotationContext s -> new Annotation(s.annotationName().getText(),
                    Annotation.Body.STRUCTURED, structuredText(s), span);
            case PragmaAnnotationContext p -> pragma(p.PRAGMA_LINE().getText(), span);
            default -> throw new IllegalStateException("annotation " + ctx.getClass());
        };
    }

    /** {@code @pragma name rest…}: the annotation {@code @name(rest…)}. */
    private static Annotation pragma(String line, Span span) {
        String rest = line.substring("@pragma".length()).strip();
        int space = firstSpace(rest);
        String name = space < 0 ? rest : rest.substring(0, space);
        String body = space < 0 ? "" : tokens(rest.substring(space));
        return new Annotation(name.isEmpty() ? "pragma" : name,
                body.isEmpty() ? Annotation.Body.NONE : Annotation.Body.UNSTRUCTURED, body, span);
    }

    /** The tokens of a pragma's body separated by single spaces, as for other annotation bodies. */
    private static String tokens(String text) {
        var lexer = new P4Lexer(org.antlr.v4.runtime.CharStreams.fromString(text));
        lexer.removeErrorListeners();
        var out = new StringBuilder();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                out.append(out.isEmpty() ? "" : " ").append(t.getText());
            }
        }
        return out.toString();
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String structuredText(StructuredAnnotationContext s) {
        var parts = new ArrayList<String>();
        for (int i = 0; i < s.getChildCount(); i++) {
            ParseTree c = s.getChild(i);
            if (c == s.kvList() || c == s.expressionList()) {
                parts.add(tokenText((ParserRuleContext) c));
            }
        }
        return String.join(" ", parts);
    }

    /** The tokens under {@code ctx}, separated by single spaces. */
    static String tokenText(ParserRuleContext ctx) {
        var out = new StringBuilder();
        appendTokens(ctx, out);
        return out.toString();
    }

    private static void appendTokens(ParseTree tree, StringBuilder out) {
        if (tree instanceof TerminalNode t) {
            if (t.getSymbol().getType() != Token.EOF) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(t.getText());
            }
            return;
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            appendTokens(tree.getChild(i), out);
        }
    }

    // ---------------------------------------------------------------- types

    TypeRef typeRef(TypeRefContext ctx) {
        TypeRef type = typeBase(ctx.typeBase());
        for (ExpressionContext size : ctx.expression()) {
            type = new TypeRef.Stack(type, expression(size), spans.between(ctx.getStart(), size.getStop()));
        }
        return type;
    }

    /** The type of a declared name: {@code base}, wrapped in the declarator's array dimensions. */
    TypeRef declared(TypeRef base, DeclaratorContext d) {
        TypeRef type = base;
        for (ExpressionContext size : d.expression()) {
            type = new TypeRef.Stack(type, expression(size), base.span().to(spans.of(size)));
        }
        return type;
    }

    static String name(DeclaratorContext d) {
        return name(d.name());
    }

    private TypeRef typeBase(TypeBaseContext ctx) {
        Span span = spans.of(ctx);
        return switch (ctx) {
            case BaseTypeRefContext b -> baseType(b.baseType());
            case TupleTypeRefContext t -> new TypeRef.Tuple(typeArgs(t.typeArguments()), span);
            case ListTypeRefContext l -> new TypeRef.P4List(typeArg(l.typeArg()), span);
            case NamedTypeRefContext n -> {
                var named = named(n.prefixedName());
                yield n.typeArguments() == null ? named
                        : new TypeRef.Specialized(named, typeArgs(n.typeArguments()), span);
            }
            default -> throw new IllegalStateException("type " + ctx.getClass());
        };
    }

    TypeRef.Named named(PrefixedNameContext ctx) {
        return new TypeRef.Named(name(ctx.name()), ctx.DOT() != null, spans.of(ctx));
    }

    private TypeRef baseType(BaseTypeContext ctx) {
        Span span = spans.of(ctx);
        return switch (ctx) {
            case BoolTypeContext b -> new TypeRef.Prim(TypeRef.PrimKind.BOOL, span);
            case ErrorTypeContext e -> new TypeRef.Prim(TypeRef.PrimKind.ERROR, span);
            case MatchKindTypeContext m -> new TypeRef.Prim(TypeRef.PrimKind.MATCH_KIND, span);
            case StringTypeContext s -> new TypeRef.Prim(TypeRef.PrimKind.STRING, span);
            case IntTypeContext i -> new TypeRef.Bits(true, Optional.ofNullable(i.nonGrtExpression()).map(this::nonGrt), span);
            case BitTypeContext b -> new TypeRef.Bits(false, Optional.ofNullable(b.nonGrtExpression()).map(this::nonGrt), span);
            case VarbitTypeContext v -> new TypeRef.Varbit(nonGrt(v.nonGrtExpression()), span);
            default -> throw new IllegalStateException("base type " + ctx.getClass());
        };
    }

    List<TypeRef> typeArgs(TypeArgumentsContext ctx) {
        return ctx.typeArg().stream().map(this::typeArg).toList();
    }

    List<TypeRef> typeArgs(CallTypeArgumentsContext ctx) {
        return ctx.typeArg().stream().map(this::typeArg).toList();
    }

    TypeRef typeArg(TypeArgContext ctx) {
        if (ctx.typeRef() != null) {
            return typeRef(ctx.typeRef());
        }
        return new TypeRef.Prim(ctx.VOID() != null ? TypeRef.PrimKind.VOID : TypeRef.PrimKind.DONT_CARE, spans.of(ctx));
    }

    TypeRef typeOrVoid(TypeOrVoidContext ctx) {
        return ctx.typeRef() != null ? typeRef(ctx.typeRef()) : new TypeRef.Prim(TypeRef.PrimKind.VOID, spans.of(ctx));
    }

    // ---------------------------------------------------------------- arguments

    List<Expression.Argument> arguments(ArgumentListContext ctx) {
        return ctx.argument().stream().map(this::argument).toList();
    }

    private Expression.Argument argument(ArgumentContext ctx) {
        return switch (ctx) {
            case NamedArgumentContext n -> new Expression.Argument(Optional.of(name(n.name())),
                    expression(n.expression()), spans.of(ctx));
            case PositionalArgumentContext p -> new Expression.Argument(Optional.empty(), expression(p.expression()),
                    spans.of(ctx));
            default -> throw new IllegalStateException("argument " + ctx.getClass());
        };
    }

    List<Expression> expressions(ExpressionListContext ctx) {
        return ctx.expression().stream().map(this::expression).toList();
    }

    // ---------------------------------------------------------------- expressions

    Expression expression(ExpressionContext ctx) {
        Span span = spans.of(ctx);
        return switch (ctx) {
            case PrimaryExprContext p -> primary(p.primary());
            case MemberExprContext m -> new Expression.Member(expression(m.expression()), name(m.name()),
                    spans.of(m.name()), span);
            case IndexExprContext i -> new Expression.Index(expression(i.expression(0)), expression(i.expression(1)), span);
            case SliceExprContext s -> new Expression.Slice(expression(s.expression(0)), expression(s.expression(1)),
                    expression(s.expression(2)), span);
            case DynSliceExprContext d -> new Expression.DynSlice(expression(d.expression(0)),
                    expression(d.expression(1)), expression(d.expression(2)), span);
            case GenericCallExprContext g -> new Expression.Call(expression(g.expression()), typeArgs(g.callTypeArguments()),
                    arguments(g.argumentList()), span);
            case CallExprContext c -> new Expression.Call(expression(c.expression()), List.of(),
                    arguments(c.argumentList()), span);
            case SpecializedMemberExprContext m -> new Expression.Member(new Expression.Specialized(
                    expression(m.expression()), typeArgs(m.callTypeArguments()),
                    spans.between(m.getStart(), m.callTypeArguments().getStop())), name(m.name()), spans.of(m.name()), span);
            case CastExprContext c -> new Expression.Cast(typeRef(c.typeRef()), expression(c.expression()), span);
            case UnaryExprContext u -> new Expression.Unary(unaryOp(u.op), expression(u.expression()), span);
            case BinaryExprContext b -> new Expression.Binary(binaryOp(b.op), expression(b.expression(0)),
                    expression(b.expression(1)), spans.of(b.op), span);
            case ShiftExprContext s -> shift(s, span);
            case MuxExprContext m -> new Expression.Mux(expression(m.expression(0)), expression(m.expression(1)),
                    expression(m.expression(2)), span);
            default -> throw new IllegalStateException("expression " + ctx.getClass());
        };
    }

    private Expression shift(ShiftExprContext s, Span span) {
        Expression left = expression(s.expression(0));
        Expression right = expression(s.expression(1));
        if (s.op.getType() == P4Lexer.SHL) {
            return new Expression.Binary(BinaryOp.SHL, left, right, spans.of(s.op), span);
        }
        Token first = s.GT(0).getSymbol();
        Token second = s.GT(1).getSymbol();
        if (second.getStartIndex() != first.getStopIndex() + 1) {
            diags.report(Code.SYNTAX, spans.of(second), "syntax error: '> >' is not a shift; write '>>'");
        }
        return new Expression.Binary(BinaryOp.SHR, left, right, spans.between(first, second), span);
    }

    Expression nonGrt(NonGrtExpressionContext ctx) {
        Span span = spans.of(ctx);
        return switch (ctx) {
            case NgPrimaryContext p -> primary(p.primary());
            case NgMemberContext m -> new Expression.Member(nonGrt(m.nonGrtExpression()), name(m.name()),
                    spans.of(m.name()), span);
            case NgIndexContext i -> new Expression.Index(nonGrt(i.nonGrtExpression()), expression(i.expression()), span);
            case NgSliceContext s -> new Expression.Slice(nonGrt(s.nonGrtExpression()), expression(s.expression(0)),
                    expression(s.expression(1)), span);
            case NgCallContext c -> new Expression.Call(nonGrt(c.nonGrtExpression()), List.of(),
                    arguments(c.argumentList()), span);
            case NgUnaryContext u -> new Expression.Unary(unaryOp(u.op), nonGrt(u.nonGrtExpression()), span);
            case NgBinaryContext b -> new Expression.Binary(binaryOp(b.op), nonGrt(b.nonGrtExpression(0)),
                    nonGrt(b.nonGrtExpression(1)), spans.of(b.op), span);
            case NgMuxContext m -> new Expression.Mux(nonGrt(m.nonGrtExpression(0)), expression(m.expression()),
                    nonGrt(m.nonGrtExpression(1)), span);
            default -> throw new IllegalStateException("expression " + ctx.getClass());
        };
    }

    private Expression primary(PrimaryContext ctx) {
        Span span = spans.of(ctx);
        return switch (ctx) {
            case IntLiteralContext i -> integer(i.INTEGER().getSymbol(), span);
            case StringLiteralContext s -> {
                String t = s.STRING_LITERAL().getText();
                yield new Expression.StringLiteral(t.substring(1, t.length() - 1), span);
            }
            case TrueLiteralContext t -> new Expression.BoolLiteral(true, span);
            case FalseLiteralContext f -> new Expression.BoolLiteral(false, span);
            case ThisExprContext t -> new Expression.This(span);
            case DotsExprContext d -> new Expression.Dots(span);
            case DontCareExprContext d -> new Expression.DontCare(span);
            case NameExprContext n -> new Expression.Name(n.nonTypeName().getText(), n.DOT() != null, span);
            case ErrorMemberExprContext e -> new Expression.ErrorMember(name(e.name()), span);
            case InvalidExprContext i -> new Expression.Invalid(span);
            case StructExprContext s -> new Expression.StructExpr(s.kvList().kvPair().stream()
                    .map(kv -> new Expression.NamedExpression(name(kv.name()), expression(kv.expression()), spans.of(kv)))
                    .toList(), s.DOTS() != null, span);
            case ListExprContext l -> list(l, span);
            case ParenExprContext p -> expression(p.expression());
            default -> throw new IllegalStateException("primary " + ctx.getClass());
        };
    }

    private Expression list(ListExprContext l, Span span) {
        var elements = new ArrayList<>(expressions(l.expressionList()));
        boolean dots = !elements.isEmpty() && elements.getLast() instanceof Expression.Dots;
        if (dots) {
            elements.removeLast();
        }
        return new Expression.ListExpr(elements, dots, span);
    }

    private Expression integer(Token token, Span span) {
        String text = token.getText();
        var literal = IntegerLiterals.parse(text);
        if (literal.error().isPresent()) {
            diags.report(Code.BAD_LITERAL, span, text, literal.error().get());
        }
        return new Expression.IntLiteral(literal.value(), literal.width(), literal.signed(), text, span);
    }

    private static UnaryOp unaryOp(Token op) {
        return switch (op.getType()) {
            case P4Lexer.NOT -> UnaryOp.NOT;
            case P4Lexer.COMPLEMENT -> UnaryOp.COMPLEMENT;
            case P4Lexer.MINUS -> UnaryOp.NEG;
            case P4Lexer.PLUS -> UnaryOp.PLUS;
            default -> throw new IllegalStateException("unary operator " + op.getText());
        };
    }

    static BinaryOp binaryOp(Token op) {
        return switch (op.getType()) {
            case P4Lexer.MUL -> BinaryOp.MUL;
            case P4Lexer.DIV -> BinaryOp.DIV;
            case P4Lexer.MOD -> BinaryOp.MOD;
            case P4Lexer.PLUS -> BinaryOp.ADD;
            case P4Lexer.MINUS -> BinaryOp.SUB;
            case P4Lexer.PLUS_SAT -> BinaryOp.ADD_SAT;
            case P4Lexer.MINUS_SAT -> BinaryOp.SUB_SAT;
            case P4Lexer.PP -> BinaryOp.CONCAT;
            case P4Lexer.SHL -> BinaryOp.SHL;
            case P4Lexer.BIT_AND -> BinaryOp.BAND;
            case P4Lexer.BIT_XOR -> BinaryOp.BXOR;
            case P4Lexer.BIT_OR -> BinaryOp.BOR;
            case P4Lexer.LE -> BinaryOp.LE;
            case P4Lexer.GE -> BinaryOp.GE;
            case P4Lexer.LT -> BinaryOp.LT;
            case P4Lexer.GT -> BinaryOp.GT;
            case P4Lexer.EQ -> BinaryOp.EQ;
            case P4Lexer.NE -> BinaryOp.NE;
            case P4Lexer.AND -> BinaryOp.LAND;
            case P4Lexer.OR -> BinaryOp.LOR;
            default -> throw new IllegalStateException("binary operator " + op.getText());
        };
    }

    /** The value of an integer literal token, for the few places the grammar takes one directly. */
    Expression.IntLiteral integerLiteral(TerminalNode node) {
        return (Expression.IntLiteral) integer(node.getSymbol(), spans.of(node));
    }
}
