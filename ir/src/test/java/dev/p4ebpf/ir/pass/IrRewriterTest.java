package dev.p4ebpf.ir.pass;

import static dev.p4ebpf.ir.pass.TestIr.B8;
import static dev.p4ebpf.ir.pass.TestIr.add;
import static dev.p4ebpf.ir.pass.TestIr.assign;
import static dev.p4ebpf.ir.pass.TestIr.control;
import static dev.p4ebpf.ir.pass.TestIr.lit;
import static dev.p4ebpf.ir.pass.TestIr.var;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.p4ebpf.ir.Arg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Direction;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IrRewriterTest {
    private static List<Expr> everyExpressionKind() {
        var h = new Type.Header("h_t", List.of(), List.of(new Type.Field("f", B8)), List.of());
        var hv = new Expr.Var("h", h, Expr.Frame.CONTAINER, Span.NONE);
        var stack = new Type.Stack(h, 2);
        var sv = new Expr.Var("s", stack, Expr.Frame.CONTAINER, Span.NONE);
        var tuple = new Type.Tuple(List.of(B8, B8));
        var tv = new Expr.TupleValue(tuple, List.of(lit(1), lit(2)), Span.NONE);
        var ext = new Type.Extern("E", List.of());
        var m = new dev.p4ebpf.ir.Method("m", List.of(), List.of(new Param(Direction.IN, B8, "a")), B8, false,
                List.of(), Span.NONE);
        var arg = Arg.of(new Param(Direction.IN, B8, "a"), var("x"));
        return List.of(lit(1), new Expr.BoolLit(true, Span.NONE), new Expr.StrLit("s", Span.NONE),
                new Expr.ErrorLit("NoMatch", Span.NONE), new Expr.MatchKindLit("exact", Span.NONE),
                new Expr.InvalidHeader(h, Span.NONE), new Expr.DontCareArg(B8, Span.NONE), var("x"),
                new Expr.InstanceRef("e", ext, false, Span.NONE), new Expr.This(ext, Span.NONE),
                new Expr.Unary(Expr.UnOp.COMPLEMENT, var("x"), B8, Span.NONE), add(var("x"), lit(1)),
                new Expr.Mux(new Expr.BoolLit(true, Span.NONE), var("x"), lit(0), B8, Span.NONE),
                new Expr.Cast(Type.Bits.unsigned(16), var("x"), Span.NONE),
                new Expr.Slice(var("x"), 3, 0, Type.Bits.unsigned(4), Span.NONE),
                new Expr.DynSlice(var("x"), var("y"), 2, Type.Bits.unsigned(2), Span.NONE),
                new Expr.Member(hv, "f", B8, Span.NONE), new Expr.StackElement(sv, lit(0), h, Span.NONE),
                new Expr.StackProperty(sv, Expr.StackProp.NEXT, h, Span.NONE),
                new Expr.TupleElement(tv, 0, B8, Span.NONE), new Expr.StructValue(h, List.of(lit(3)), Span.NONE), tv,
                new Call.ActionCall("a", false, List.of(arg), Span.NONE),
                new Call.FunctionCall("f", List.of(), List.of(arg), B8, Span.NONE),
                new Call.ExternFunctionCall(m, List.of(), List.of(arg), B8, Span.NONE),
                new Call.MethodCall(new Expr.InstanceRef("e", ext, false, Span.NONE), m, List.of(), List.of(arg), B8,
                        Span.NONE),
                new Call.BuiltinCall(hv, Call.Builtin.IS_VALID, List.of(), Type.BOOL, Span.NONE),
                new Call.TableApply("t", new Type.TableResult("t"), Span.NONE));
    }

    @Test
    void aRewriterThatChangesNothingReturnsTheSameObjects() {
        var r = new IrRewriter();
        for (Expr e : everyExpressionKind()) {
            assertSame(e, r.expr(e), () -> "rebuilt " + e);
        }
        Program p = control(List.of(assign(var("x"), add(var("x"), lit(1))),
                new Stmt.If(new Expr.BoolLit(true, Span.NONE), Stmt.Block.of(List.of(), Span.NONE), Optional.empty(),
                        Span.NONE)));
        assertSame(p, r.program(p));
    }

    @Test
    void aChangeRebuildsOnlyItsAncestors() {
        Stmt untouched = assign(var("y"), lit(2));
        Program p = control(List.of(assign(var("x"), add(var("x"), lit(1))), untouched));
        Program q = new IrRewriter() {
            @Override
            public Expr expr(Expr e) {
                return e instanceof Expr.IntLit i && i.value().intValue() == 1 ? lit(5) : super.expr(e);
            }
        }.program(p);
        assertNotSame(p, q);
        var body = ((Decl.ControlDecl) q.decls().getFirst()).body().statements();
        assertEquals(assign(var("x"), add(var("x"), lit(5))), body.get(0));
        assertSame(untouched, body.get(1));
    }

    @Test
    void aTypeMappingReachesEveryTypeAnExpressionCarries() {
        var seen = new ArrayList<Type>();
        var r = new IrRewriter() {
            @Override
            public Type type(Type t) {
                seen.add(t);
                return t;
            }
        };
        for (Expr e : everyExpressionKind()) {
            seen.clear();
            r.expr(e);
            if (!(e instanceof Expr.BoolLit || e instanceof Expr.StrLit || e instanceof Expr.ErrorLit
                    || e instanceof Expr.MatchKindLit || e instanceof Call.ActionCall)) {
                assertEquals(true, seen.contains(e.type()), () -> "type of " + e + " not visited: " + seen);
            }
        }
    }

    @Test
    void aStatementCanBecomeSeveralAndBranchesStayOneStatement() {
        Program p = control(List.of(new Stmt.If(new Expr.BoolLit(true, Span.NONE), assign(var("x"), lit(1)),
                Optional.empty(), Span.NONE)));
        Program q = new IrRewriter() {
            @Override
            public List<Stmt> stmt(Stmt s) {
                if (s instanceof Stmt.Assign a) {
                    return List.of(a, assign(var("y"), lit(7)));
                }
                return super.stmt(s);
            }
        }.program(p);
        var body = ((Decl.ControlDecl) q.decls().getFirst()).body().statements();
        var then = ((Stmt.If) body.getFirst()).then();
        assertEquals(Stmt.Block.of(List.of(assign(var("x"), lit(1)), assign(var("y"), lit(7))), Span.NONE), then);
    }

    @Test
    void theRewriterKnowsTheFrameOfTheCodeAtHand() {
        var action = new Decl.ActionDecl("a", List.of(), Stmt.Block.of(List.of(assign(var("x"), lit(1))), Span.NONE),
                List.of(), Span.NONE);
        var c = new Decl.ControlDecl("c", List.of(), List.of(), List.of(), List.of(action),
                Stmt.Block.of(List.of(assign(var("x"), lit(2))), Span.NONE), List.of(), Span.NONE);
        var frames = new ArrayList<Expr.Frame>();
        new IrRewriter() {
            @Override
            public List<Stmt> stmt(Stmt s) {
                frames.add(frame());
                return super.stmt(s);
            }
        }.program(new Program(List.of(c)));
        assertEquals(List.of(Expr.Frame.CALLABLE, Expr.Frame.CONTAINER), frames);
    }
}
