package dev.p4ebpf.frontend.ast;

import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/** A statement, or a declaration where statements may stand (local variables, constants, instances). */
public sealed interface Statement {
    Span span();

    /** {@code target = value;} or a compound assignment such as {@code target += value;}. */
    record Assign(Expression target, Optional<Expression.BinaryOp> compound, Expression value, Span span)
            implements Statement {}

    /** An expression statement; only calls are meaningful, the checker rejects the rest. */
    record ExprStatement(Expression expression, Span span) implements Statement {}

    /** A local variable, constant or instance declared among statements. */
    record Local(Declaration declaration, Span span) implements Statement {}

    record If(Expression condition, Statement then, Optional<Statement> otherwise, Span span) implements Statement {}

    record Block(List<Annotation> annotations, List<Statement> statements, Span span) implements Statement {
        public Block {
            annotations = List.copyOf(annotations);
            statements = List.copyOf(statements);
        }
    }

    record Return(Optional<Expression> value, Span span) implements Statement {}

    record Exit(Span span) implements Statement {}

    record Break(Span span) implements Statement {}

    record Continue(Span span) implements Statement {}

    record Empty(Span span) implements Statement {}

    /** A switch label: {@code default}, or an expression (an action name when switching on {@code action_run}). */
    record SwitchCase(Optional<Expression> label, Optional<Block> body, Span labelSpan, Span span) {}

    record Switch(Expression subject, List<SwitchCase> cases, Span span) implements Statement {
        public Switch {
            cases = List.copyOf(cases);
        }
    }

    /** {@code for (init; condition; update) body}. */
    record For(List<Annotation> annotations, List<Statement> init, Expression condition, List<Statement> update,
               Statement body, Span span) implements Statement {
        public For {
            annotations = List.copyOf(annotations);
            init = List.copyOf(init);
            update = List.copyOf(update);
        }
    }

    /** {@code for (T v in collection) body}, or {@code for (T v in lo .. hi) body}. */
    record ForIn(List<Annotation> annotations, Declaration.Variable variable, Expression collection,
                 Optional<Expression> rangeEnd, Statement body, Span span) implements Statement {
        public ForIn {
            annotations = List.copyOf(annotations);
        }
    }
}
