package dev.p4ebpf.ir.midend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.print.P4Printer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TerminationsTest {
    private static final Type.Bits B8 = Type.Bits.unsigned(8);
    private static final Expr.Var X = new Expr.Var("x", B8, Expr.Frame.CONTAINER, Span.NONE);
    private static final Expr.Var FLAG = new Expr.Var("done", Type.BOOL, Expr.Frame.CONTAINER, Span.NONE);
    private static final Expr COND = new Expr.Binary(Expr.BinOp.EQ, X, Expr.IntLit.of(1, B8), Type.BOOL, Span.NONE);

    private static Stmt set(long v) {
        return new Stmt.Assign(X, Expr.IntLit.of(v, B8), Span.NONE);
    }

    private static Stmt exit() {
        return new Stmt.Exit(Span.NONE);
    }

    private static Stmt.Block block(Stmt... ss) {
        return Stmt.Block.of(List.of(ss), Span.NONE);
    }

    private static String print(List<Stmt> ss) {
        return ss.stream().map(P4Printer::print).collect(Collectors.joining());
    }

    @Test
    void statementsAfterAPossibleTerminationRunOnlyWhenItDidNotHappen() {
        List<Stmt> body = List.of(new Stmt.If(COND, block(set(2), exit()), Optional.empty(), Span.NONE), set(3));
        assertTrue(Terminations.needed(body, ExitSpec.DIRECT));
        assertFalse(Terminations.tailOnly(body, ExitSpec.DIRECT));
        assertEquals("""
                if (x == 8w1) {
                    x = 8w2;
                    done = true;
                }
                if (!done) {
                    x = 8w3;
                }
                """, print(Terminations.eliminate(body, ExitSpec.DIRECT, FLAG)));
    }

    @Test
    void codeAfterATerminatorInTheSameListIsDropped() {
        List<Stmt> body = List.of(set(1), exit(), set(2));
        assertEquals("x = 8w1;\ndone = true;\n", print(Terminations.eliminate(body, ExitSpec.DIRECT, FLAG)));
    }

    @Test
    void terminatorsInTailPositionNeedNoFlag() {
        List<Stmt> body = List.of(set(1), new Stmt.If(COND, block(set(2), exit()), Optional.of(block(exit())),
                Span.NONE));
        assertTrue(Terminations.tailOnly(body, ExitSpec.DIRECT));
        assertEquals("""
                x = 8w1;
                if (x == 8w1) {
                    x = 8w2;
                } else {
                }
                """, print(Terminations.replaceInTail(body, ExitSpec.DIRECT)));
    }

    @Test
    void insideALoopATerminatorBreaksAndTheLoopIsFollowedByAGuard() {
        var loop = new Stmt.ForIn(new Stmt.VarDecl("i", B8, Optional.empty(), List.of(), Span.NONE),
                X, block(new Stmt.If(COND, block(exit()), Optional.empty(), Span.NONE), set(4)), Span.NONE);
        List<Stmt> out = Terminations.eliminate(List.of(loop, set(5)), ExitSpec.DIRECT, FLAG);
        assertEquals("""
                for (bit<8> i in x) {
                    if (x == 8w1) {
                        done = true;
                        break;
                    }
                    if (done) {
                        break;
                    }
                    x = 8w4;
                }
                if (!done) {
                    x = 8w5;
                }
                """, print(out));
    }

    @Test
    void theBranchesOfAnExitingTableApplicationAreGuarded() {
        var applied = new Expr.Member(new dev.p4ebpf.ir.Call.TableApply("t", new Type.TableResult("t"), Span.NONE),
                "hit", Type.BOOL, Span.NONE);
        List<Stmt> body = List.of(new Stmt.If(applied, block(set(1)), Optional.empty(), Span.NONE));
        assertEquals("""
                if (t.apply().hit) {
                    if (!done) {
                        x = 8w1;
                    }
                }
                """, print(Terminations.eliminate(body, new ExitSpec(Set.of("t")), FLAG)));
    }
}
