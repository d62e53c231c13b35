package dev.p4ebpf.frontend.parse;

import dev.p4ebpf.frontend.ast.Declaration;
import dev.p4ebpf.frontend.ast.Expression;
import dev.p4ebpf.frontend.ast.Statement;
import dev.p4ebpf.frontend.parse.P4Parser.*;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/** Builds the AST of statements from the parse tree. */
final class StatementBuilder {
    private final ExpressionBuilder ex;
    private final AstBuilder decls;
    private final Spans spans;

    StatementBuilder(ExpressionBuilder ex, AstBuilder decls) {
        this.ex = ex;
        this.decls = decls;
        this.spans = ex.spans();
    }

    Statement.Block block(BlockStatementContext ctx) {
        return new Statement.Block(ex.annotations(ctx.annotations()),
                ctx.statementOrDeclaration().stream().map(this::statementOrDeclaration).toList(), spans.of(ctx));
    }

    Statement statementOrDeclaration(StatementOrDeclarationContext ctx) {
        Span span = spans.of(ctx);
        if (ctx.variableDeclaration() != null) {
            return new Statement.Local(decls.variable(ctx.variableDeclaration()), span);
        } else if (ctx.constantDeclaration() != null) {
            return new Statement.Local(decls.constant(ctx.constantDeclaration()), span);
        } else if (ctx.instantiation() != null) {
            return new Statement.Local(decls.instance(ctx.instantiation()), span);
        }
        return statement(ctx.statement());
    }

    private Statement statement(StatementContext ctx) {
        Span span = spans.of(ctx);
        return switch (ctx) {
            case SimpleStatementContext s -> simple(s.assignmentOrCall(), span);
            case IfStatementContext i -> new Statement.If(ex.expression(i.expression()), statement(i.statement(0)),
                    i.statement().size() > 1 ? Optional.of(statement(i.statement(1))) : Optional.empty(), span);
            case EmptyStatementContext e -> new Statement.Empty(span);
            case BlockStmtContext b -> block(b.blockStatement());
            case ReturnStatementContext r -> new Statement.Return(Optional.ofNullable(r.expression()).map(ex::expression), span);
            case ExitStatementContext e -> new Statement.Exit(span);
            case BreakStatementContext b -> new Statement.Break(span);
            case ContinueStatementContext c -> new Statement.Continue(span);
            case SwitchStatementContext s -> new Statement.Switch(ex.expression(s.expression()),
                    s.switchCase().stream().map(this::switchCase).toList(), span);
            case ForStatementContext f -> new Statement.For(ex.annotations(f.annotations()),
                    f.forInit() == null ? List.of() : f.forInit().forInitItem().stream().map(this::forInit).toList(),
                    ex.expression(f.expression()),
                    f.forUpdate() == null ? List.of()
                            : f.forUpdate().assignmentOrCall().stream().map(a -> simple(a, spans.of(a))).toList(),
                    statement(f.statement()), span);
            case ForInStatementContext f -> forIn(f, span);
            default -> throw new IllegalStateException("statement " + ctx.getClass());
        };
    }

    private Statement forIn(ForInStatementContext f, Span span) {
        var annos = f.annotations();
        var outer = annos.isEmpty() || f.getChild(0) != annos.get(0) ? List.<dev.p4ebpf.ir.Annotation>of()
                : ex.annotations(annos.get(0));
        var inner = annos.size() > (outer.isEmpty() ? 0 : 1) ? ex.annotations(annos.getLast()) : List.<dev.p4ebpf.ir.Annotation>of();
        var variable = new Declaration.Variable(inner, ex.typeRef(f.typeRef()), ExpressionBuilder.name(f.name()),
                Optional.empty(), spans.of(f.name()), spans.between(f.typeRef().getStart(), f.name().getStop()));
        Expression collection = ex.expression(f.expression(0));
        Optional<Expression> end = f.expression().size() > 1 ? Optional.of(ex.expression(f.expression(1))) : Optional.empty();
        return new Statement.ForIn(outer, variable, collection, end, statement(f.statement()), span);
    }

    private Statement forInit(ForInitItemContext ctx) {
        return switch (ctx) {
            case ForInitDeclarationContext d -> new Statement.Local(new Declaration.Variable(ex.annotations(d.annotations()),
                    ex.typeRef(d.typeRef()), ExpressionBuilder.name(d.name()),
                    Optional.ofNullable(d.expression()).map(ex::expression), spans.of(d.name()), spans.of(d)), spans.of(d));
            case ForInitStatementContext s -> simple(s.assignmentOrCall(), spans.of(s));
            default -> throw new IllegalStateException("for init " + ctx.getClass());
        };
    }

    private Statement simple(AssignmentOrCallContext ctx, Span span) {
        Expression target = ex.expression(ctx.expression(0));
        if (ctx.assignOp() == null) {
            return new Statement.ExprStatement(target, span);
        }
        Expression value = ex.expression(ctx.expression(1));
        Optional<Expression.BinaryOp> compound = switch (ctx.assignOp().getStart().getType()) {
            case P4Lexer.ASSIGN -> Optional.empty();
            case P4Lexer.ASSIGN_MUL -> Optional.of(Expression.BinaryOp.MUL);
            case P4Lexer.ASSIGN_DIV -> Optional.of(Expression.BinaryOp.DIV);
            case P4Lexer.ASSIGN_MOD -> Optional.of(Expression.BinaryOp.MOD);
            case P4Lexer.ASSIGN_PLUS -> Optional.of(Expression.BinaryOp.ADD);
            case P4Lexer.ASSIGN_MINUS -> Optional.of(Expression.BinaryOp.SUB);
            case P4Lexer.ASSIGN_PLUS_SAT -> Optional.of(Expression.BinaryOp.ADD_SAT);
            case P4Lexer.ASSIGN_MINUS_SAT -> Optional.of(Expression.BinaryOp.SUB_SAT);
            case P4Lexer.ASSIGN_SHL -> Optional.of(Expression.BinaryOp.SHL);
            case P4Lexer.ASSIGN_SHR -> Optional.of(Expression.BinaryOp.SHR);
            case P4Lexer.ASSIGN_AND -> Optional.of(Expression.BinaryOp.BAND);
            case P4Lexer.ASSIGN_OR -> Optional.of(Expression.BinaryOp.BOR);
            case P4Lexer.ASSIGN_XOR -> Optional.of(Expression.BinaryOp.BXOR);
            default -> throw new IllegalStateException("assignment operator " + ctx.assignOp().getText());
        };
        return new Statement.Assign(target, compound, value, span);
    }

    private Statement.SwitchCase switchCase(SwitchCaseContext ctx) {
        var label = ctx.switchLabel();
        Optional<Expression> value = label.DEFAULT() != null ? Optional.empty() : Optional.of(ex.expression(label.expression()));
        return new Statement.SwitchCase(value, Optional.ofNullable(ctx.blockStatement()).map(this::block),
                spans.of(label), spans.of(ctx));
    }
}
