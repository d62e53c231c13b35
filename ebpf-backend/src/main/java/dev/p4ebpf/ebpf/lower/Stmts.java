package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.insn.AluOp;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.Types;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Lowers statements. {@code exit} and {@code return} jump to targets the enclosing body sets; loops
 * become blocks with a back edge (the verifier bounds them), {@code for-in} over an array is unrolled.
 */
final class Stmts {
    private final Lowering lo;
    private final Gen g;
    /** Where {@code exit} goes: the end of the control being lowered. */
    int exitTarget = -1;
    /** Where {@code return} goes inside an inlined action, or -1. */
    int returnTarget = -1;
    /** Variables declared in statements live in this frame (CALLABLE inside actions). */
    Expr.Frame frame = Expr.Frame.CONTAINER;
    private final Deque<int[]> loops = new ArrayDeque<>();

    Stmts(Lowering lo) {
        this.lo = lo;
        this.g = lo.g;
    }

    void all(List<Stmt> stmts) throws Unsupported {
        for (Stmt s : stmts) {
            if (!g.open()) {
                return; // after exit, return, break or continue: the rest is unreachable
            }
            statement(s);
        }
    }

    void statement(Stmt s) throws Unsupported {
        Span at = s.span();
        try {
            switch (s) {
                case Stmt.Assign a when StackIndex.find(s).isPresent() -> indexed(s);
                case Stmt.CallStmt c when StackIndex.find(s).isPresent() -> indexed(s);
                case Stmt.Assign a -> assign(a);
                case Stmt.VarDecl v -> declare(v.name(), v.type(), v.init(), at);
                case Stmt.CallStmt c -> lo.calls.statement(c.call());
                case Stmt.If i -> ifStmt(i);
                case Stmt.Block b -> all(b.statements());
                case Stmt.Switch sw -> switchStmt(sw);
                case Stmt.Exit e -> jumpTo(exitTarget, "exit", at);
                case Stmt.Return r -> jumpTo(returnTarget, "return", at);
                case Stmt.Empty e -> { }
                case Stmt.For f -> forLoop(f);
                case Stmt.ForRange f -> forRange(f);
                case Stmt.ForIn f -> forIn(f);
                case Stmt.Break b -> jumpTo(loops.isEmpty() ? -1 : loops.peek()[1], "break", at);
                case Stmt.Continue c -> jumpTo(loops.isEmpty() ? -1 : loops.peek()[0], "continue", at);
            }
        } catch (Exprs.Deferred d) {
            throw d.unsupported().at(at);
        } catch (Unsupported u) {
            throw u.at(at);
        }
    }

    /** A statement using a stack element with a run-time index: lowered once per position. */
    private void indexed(Stmt s) throws Unsupported {
        Expr.StackElement element = StackIndex.find(s).orElseThrow();
        lo.stackIndex.dispatch(element, k -> statement(StackIndex.at(s, element, k)), s.span());
    }

    private void jumpTo(int target, String what, Span at) throws Unsupported {
        if (target < 0) {
            throw new Unsupported("'" + what + "' here", "the eBPF backend found no enclosing body for it; use it inside a control, action or loop", at);
        }
        g.jump(target, at);
    }

    private void assign(Stmt.Assign a) throws Unsupported {
        Span at = a.span();
        if (a.target() instanceof Expr.Slice s && Scalars.isWide(s.operand().type())) {
            wideSliceAssign(s, a.value(), at);
            return;
        }
        if (a.target() instanceof Expr.Slice s) {
            // x[hi:lo] = v: merge the new bits into the old value
            Loc whole = lo.loc(s.operand());
            int w = Exprs.width(s.operand());
            long fieldMask = Scalars.mask(s.hi() - s.lo() + 1) << s.lo();
            VReg old = lo.read(whole, at);
            VReg kept = g.alu(AluOp.AND, old, Operand.imm(~fieldMask & Scalars.mask(w)), at);
            VReg v = g.alu(AluOp.LSH, lo.exprs.value(a.value()), s.lo(), at);
            lo.write(whole, g.alu(AluOp.OR, kept, g.alu(AluOp.AND, v, Operand.imm(fieldMask), at), at), at);
            return;
        }
        lo.assign(lo.loc(a.target()), a.value());
        if (Types.representation(a.target().type()) instanceof Type.Header) {
            lo.unionMemberWritten(a.target(), at);
        }
    }

    /** {@code x[hi:lo] = v} for {@code x} wider than 64 bits. */
    private void wideSliceAssign(Expr.Slice s, Expr value, Span at) throws Unsupported {
        Loc whole = lo.loc(s.operand());
        int w = Exprs.width(s.operand());
        WideOps ops = lo.wide.ops();
        java.math.BigInteger ones = java.math.BigInteger.ONE.shiftLeft(s.hi() - s.lo() + 1).subtract(java.math.BigInteger.ONE);
        java.math.BigInteger fieldMask = ones.shiftLeft(s.lo());
        Wide kept = ops.and(lo.readWide(whole, at), ops.constant(fieldMask.not(), w, at), at);
        Wide placed = ops.shl(ops.resize(lo.wide.of(value), w, false, at), s.lo(), at);
        lo.writeWide(whole, ops.or(kept, ops.and(placed, ops.constant(fieldMask, w, at), at), at), at);
    }

    /** Declares a variable of this frame; uninitialized scalars start at zero and headers invalid. */
    void declare(String name, Type type, java.util.Optional<Expr> init, Span at) throws Unsupported {
        Loc l = lo.storage.allocate(type, name, at);
        lo.env.bind(frame, name, l);
        if (init.isPresent()) {
            lo.assign(l, init.get());
        } else {
            zero(l, at);
        }
    }

    /** Gives storage a defined starting value: zero scalars, invalid headers. */
    void zero(Loc l, Span at) {
        switch (l) {
            case Loc.Scalar s -> g.set(s.reg(), Operand.imm(0), at);
            case Loc.Wide w -> w.limbs().forEach(r -> g.set(r, Operand.imm(0), at));
            case Loc.Header h -> {
                g.set(h.valid(), Operand.imm(0), at);
                h.fields().values().forEach(f -> zero(f, at));
            }
            case Loc.PacketHeader p -> {
                g.set(p.valid(), Operand.imm(0), at);
                p.varbitBytes().ifPresent(n -> g.set(n, Operand.imm(0), at));
            }
            case Loc.Struct s -> s.fields().values().forEach(f -> zero(f, at));
            case Loc.Union u -> u.members().values().forEach(f -> zero(f, at));
            case Loc.Stack s -> {
                s.elements().forEach(e -> zero(e, at));
                g.set(s.next(), Operand.imm(0), at);
            }
            case Loc.Tuple t -> t.elements().forEach(e -> zero(e, at));
            case Loc.PacketField f -> { }
            case Loc.MemField m -> { }
            case Loc.Opaque o -> { }
        }
    }

    private void ifStmt(Stmt.If i) throws Unsupported {
        Span at = i.span();
        int then = g.block();
        int otherwise = g.block();
        int join = g.block();
        lo.exprs.cond(i.condition()).branch(then, i.otherwise().isPresent() ? otherwise : join);
        boolean wasConditional = lo.emits.isConditional();
        lo.emits.conditional(true);
        g.enter(then);
        statement(i.then());
        if (g.open()) {
            g.jump(join, at);
        }
        if (i.otherwise().isPresent()) {
            g.enter(otherwise);
            statement(i.otherwise().get());
            if (g.open()) {
                g.jump(join, at);
            }
        }
        lo.emits.conditional(wasConditional);
        g.enter(join);
    }

    private void switchStmt(Stmt.Switch sw) throws Unsupported {
        Span at = sw.span();
        VReg subject;
        java.util.function.Function<Stmt.Label, Long> labelValue;
        if (sw.subject() instanceof Expr.Member m && m.field().equals("action_run")
                && m.base() instanceof Call.TableApply t) {
            Tables.Result r = lo.tables.apply(t.table(), at);
            subject = r.actionId();
            labelValue = l -> lo.tables.actionId(t.table(), ((Stmt.ActionLabel) l).action());
        } else {
            subject = lo.exprs.value(sw.subject());
            labelValue = l -> Exprs.rethrowValue(() -> constant(((Stmt.ValueLabel) l).value()));
        }
        int join = g.block();
        boolean wasConditional = lo.emits.isConditional();
        lo.emits.conditional(true);
        List<Stmt.Case> cases = sw.cases();
        int[] bodies = new int[cases.size()];
        for (int k = 0; k < cases.size(); k++) {
            bodies[k] = g.block();
        }
        int defaultBody = join;
        for (int k = 0; k < cases.size(); k++) {
            // a case without a body falls through to the next case that has one
            int target = k;
            while (target < cases.size() && cases.get(target).body().isEmpty()) {
                target++;
            }
            int body = target < cases.size() ? bodies[target] : join;
            if (cases.get(k).label() instanceof Stmt.DefaultLabel) {
                defaultBody = body;
                continue;
            }
            int next = g.block();
            g.branch(JmpOp.JEQ, subject, Operand.imm(labelValue.apply(cases.get(k).label())), body, next, at);
            g.enter(next);
        }
        g.jump(defaultBody, at);
        for (int k = 0; k < cases.size(); k++) {
            if (cases.get(k).body().isPresent()) {
                g.enter(bodies[k]);
                all(cases.get(k).body().get().statements());
                if (g.open()) {
                    g.jump(join, at);
                }
            }
        }
        lo.emits.conditional(wasConditional);
        g.enter(join);
    }

    private long constant(Expr e) throws Unsupported {
        return switch (e) {
            case Expr.IntLit i -> Exprs.literal(i.value(), Exprs.width(e));
            case Expr.BoolLit b -> b.value() ? 1 : 0;
            case Expr.ErrorLit er -> lo.errorCode(er.member());
            case Expr.EnumLit en -> en.type() instanceof Type.Enum t ? t.members().indexOf(en.member())
                    : Exprs.literal(((Type.SerEnum) en.type()).member(en.member()).orElseThrow().value(),
                            ((Type.SerEnum) en.type()).underlying().width());
            case Expr.Cast c -> constant(c.operand());
            default -> throw new Unsupported("a switch label that is not a literal", "labels must be constants; write a literal or a declared constant", e.span());
        };
    }

    private void forLoop(Stmt.For f) throws Unsupported {
        Span at = f.span();
        all(f.init());
        int head = g.block();
        int body = g.block();
        int update = g.block();
        int done = g.block();
        g.continueAt(head, at);
        if (f.condition().isPresent()) {
            lo.exprs.cond(f.condition().get()).branch(body, done);
        } else {
            g.jump(body, at);
        }
        loops.push(new int[] {update, done});
        boolean wasConditional = lo.emits.isConditional();
        lo.emits.conditional(true);
        g.enter(body);
        statement(f.body());
        g.continueAt(update, at);
        all(f.update());
        if (g.open()) {
            g.jump(head, at);
        }
        loops.pop();
        lo.emits.conditional(wasConditional);
        g.enter(done);
    }

    private void forRange(Stmt.ForRange f) throws Unsupported {
        Span at = f.span();
        Type t = f.variable().type();
        declare(f.variable().name(), t, java.util.Optional.of(f.lo()), at);
        Loc var = lo.env.lookup(new Expr.Var(f.variable().name(), t, frame, at)).orElseThrow();
        VReg hi = g.mov(lo.exprs.value(f.hi()), "hi", at);
        boolean signed = Scalars.signed(t);
        int head = g.block();
        int body = g.block();
        int update = g.block();
        int done = g.block();
        g.continueAt(head, at);
        g.branch(signed ? JmpOp.JSGT : JmpOp.JGT, lo.read(var, at), hi, done, body, at);
        loops.push(new int[] {update, done});
        g.enter(body);
        statement(f.body());
        g.continueAt(update, at);
        // stop before the increment could wrap past hi
        int step = g.block();
        g.branch(JmpOp.JEQ, lo.read(var, at), hi, done, step, at);
        g.enter(step);
        lo.write(var, g.truncate(g.alu(AluOp.ADD, lo.read(var, at), 1, at), Exprs.width(f.lo()), at), at);
        g.jump(head, at);
        loops.pop();
        g.enter(done);
    }

    private void forIn(Stmt.ForIn f) throws Unsupported {
        Span at = f.span();
        Loc collection = lo.loc(f.collection());
        if (!(collection instanceof Loc.Stack s)) {
            throw new Unsupported("for-in over " + f.collection().type(), "the eBPF backend iterates over header stacks and arrays; iterate over one", at);
        }
        int done = g.block();
        for (Loc element : s.elements()) {
            int next = g.block();
            declare(f.variable().name(), f.variable().type(), java.util.Optional.empty(), at);
            Loc var = lo.env.lookup(new Expr.Var(f.variable().name(), f.variable().type(), frame, at)).orElseThrow();
            lo.copy(var, element, at);
            loops.push(new int[] {next, done});
            statement(f.body());
            loops.pop();
            g.continueAt(next, at);
        }
        g.continueAt(done, at);
    }
}
