package dev.p4ebpf.ir;

import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/** Statements. Compound assignments are desugared by the checker into {@link Assign}. */
public sealed interface Stmt permits Stmt.Assign, Stmt.VarDecl, Stmt.CallStmt, Stmt.If, Stmt.Block, Stmt.Switch,
        Stmt.Exit, Stmt.Return, Stmt.Empty, Stmt.For, Stmt.ForIn, Stmt.ForRange, Stmt.Break, Stmt.Continue {

    Span span();

    record Assign(Expr target, Expr value, Span span) implements Stmt {}

    /** A local variable, named uniquely within its frame (see {@link Expr.Frame}). */
    record VarDecl(String name, Type type, Optional<Expr> init, List<Annotation> annotations, Span span)
            implements Stmt {
        public VarDecl {
            annotations = List.copyOf(annotations);
        }
    }

    record CallStmt(Call call, Span span) implements Stmt {}

    record If(Expr condition, Stmt then, Optional<Stmt> otherwise, Span span) implements Stmt {}

    record Block(List<Stmt> statements, List<Annotation> annotations, Span span) implements Stmt {
        public Block {
            statements = List.copyOf(statements);
            annotations = List.copyOf(annotations);
        }

        public static Block of(List<Stmt> statements, Span span) {
            return new Block(statements, List.of(), span);
        }
    }

    /** A label of a switch case. */
    sealed interface Label permits ActionLabel, ValueLabel, DefaultLabel {
        Span span();
    }

    /** A case of {@code switch (t.apply().action_run)}: the action's name. */
    record ActionLabel(String action, Span span) implements Label {}

    /** A case of a switch on an integer, enum or error value: a constant. */
    record ValueLabel(Expr value, Span span) implements Label {}

    record DefaultLabel(Span span) implements Label {}

    /** A case; one without a body falls through to the next one that has a body. */
    record Case(Label label, Optional<Block> body, Span span) {}

    record Switch(Expr subject, List<Case> cases, Span span) implements Stmt {
        public Switch {
            cases = List.copyOf(cases);
        }
    }

    record Exit(Span span) implements Stmt {}

    record Return(Optional<Expr> value, Span span) implements Stmt {}

    record Empty(Span span) implements Stmt {}

    /** {@code for (init; condition; update) body}. */
    record For(List<Stmt> init, Optional<Expr> condition, List<Stmt> update, Stmt body, Span span) implements Stmt {
        public For {
            init = List.copyOf(init);
            update = List.copyOf(update);
        }
    }

    /** {@code for (T v in collection) body}: over the elements of a list or an array (header stack). */
    record ForIn(VarDecl variable, Expr collection, Stmt body, Span span) implements Stmt {}

    /** {@code for (T v in lo .. hi) body}: over the integers from lo to hi, both included. */
    record ForRange(VarDecl variable, Expr lo, Expr hi, Stmt body, Span span) implements Stmt {}

    record Break(Span span) implements Stmt {}

    record Continue(Span span) implements Stmt {}
}
