package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.Nodes.ExprNode;
import dev.p4ebpf.ir.interp.Nodes.Flow;
import dev.p4ebpf.ir.interp.Nodes.LocNode;
import dev.p4ebpf.ir.interp.Nodes.StmtNode;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.BoolValue;
import dev.p4ebpf.ir.interp.value.EnumValue;
import dev.p4ebpf.ir.interp.value.IntValue;
import dev.p4ebpf.ir.interp.value.StackValue;
import dev.p4ebpf.ir.interp.value.TupleValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import java.math.BigInteger;
import java.util.List;

/**
 * Compiles statements. An assignment resolves its target before it evaluates the value, as the
 * P4 specification orders them. {@code return}, {@code break} and {@code continue} come back as a
 * {@link Flow}; {@code exit} unwinds as {@link ExitSignal}.
 */
final class StmtCompiler {
    private final Machine machine;

    StmtCompiler(Machine machine) {
        this.machine = machine;
    }

    private ExprNode expr(dev.p4ebpf.ir.Expr e, Scope s) {
        return machine.compiler.exprs.compile(e, s);
    }

    StmtNode compile(Stmt st, Scope s) {
        return switch (st) {
            case Stmt.Assign a -> {
                StmtNode direct = directStore(a, s);
                if (direct != null) {
                    yield direct;
                }
                LocNode target = machine.compiler.locs.compile(a.target(), s);
                ExprNode value = expr(a.value(), s);
                yield f -> {
                    Location l = target.locate(f);
                    l.write(value.eval(f));
                    return Flow.NORMAL;
                };
            }
            case Stmt.CallStmt c -> {
                ExprNode call = machine.compiler.calls.compile(c.call(), s);
                yield f -> {
                    call.eval(f);
                    return Flow.NORMAL;
                };
            }
            case Stmt.If i -> {
                ExprNode c = expr(i.condition(), s);
                StmtNode then = compile(i.then(), s);
                StmtNode otherwise = i.otherwise().map(o -> compile(o, s)).orElse(Nodes.EMPTY);
                yield f -> ((BoolValue) c.eval(f)).value() ? then.exec(f) : otherwise.exec(f);
            }
            case Stmt.Block b -> block(b.statements(), s);
            case Stmt.VarDecl v -> declare(v, s);
            case Stmt.Switch sw -> switchStmt(sw, s);
            case Stmt.Exit x -> f -> {
                throw ExitSignal.INSTANCE;
            };
            case Stmt.Return r -> {
                if (r.value().isEmpty()) {
                    yield f -> Flow.RETURN;
                }
                ExprNode v = expr(r.value().get(), s);
                yield f -> {
                    f.returnValue = v.eval(f).copy();
                    return Flow.RETURN;
                };
            }
            case Stmt.Empty e -> Nodes.EMPTY;
            case Stmt.For fo -> forLoop(fo, s);
            case Stmt.ForIn fi -> forIn(fi, s);
            case Stmt.ForRange fr -> forRange(fr, s);
            case Stmt.Break b -> f -> Flow.BREAK;
            case Stmt.Continue c -> f -> Flow.CONTINUE;
        };
    }

    /**
     * An assignment of a scalar to a variable or to a field of a struct or header, stored without
     * making a {@link Location}: the most frequent statement. The target's base is evaluated
     * before the value, as for any assignment. {@code null} for other assignments.
     */
    private StmtNode directStore(Stmt.Assign a, Scope s) {
        Type valueType = s.resolve(a.value().type());
        if (!(valueType instanceof Type.Bits) && !(valueType instanceof Type.Bool)) {
            return null;
        }
        ExprNode value = expr(a.value(), s);
        if (a.target() instanceof dev.p4ebpf.ir.Expr.Var v && s.slot(v) >= 0) {
            int slot = s.slot(v);
            return s.inCallable(v) ? f -> {
                f.call[slot] = value.eval(f);
                return Flow.NORMAL;
            } : f -> {
                f.locals[slot] = value.eval(f);
                return Flow.NORMAL;
            };
        }
        if (a.target() instanceof dev.p4ebpf.ir.Expr.Member m
                && dev.p4ebpf.ir.Types.representation(s.resolve(m.base().type())) instanceof Type.Fielded t
                && !(t instanceof Type.HeaderUnion)) {
            ExprNode base = expr(m.base(), s);
            int i = t.fieldIndex(m.field());
            return f -> {
                dev.p4ebpf.ir.interp.value.FieldedValue container = (dev.p4ebpf.ir.interp.value.FieldedValue) base.eval(f);
                container.set(i, value.eval(f));
                return Flow.NORMAL;
            };
        }
        return null;
    }

    StmtNode block(List<Stmt> statements, Scope s) {
        StmtNode[] body = new StmtNode[statements.size()];
        for (int i = 0; i < body.length; i++) {
            body[i] = compile(statements.get(i), s);
        }
        if (body.length == 1) {
            return body[0];
        }
        return f -> {
            for (StmtNode n : body) {
                Flow flow = n.exec(f);
                if (flow != Flow.NORMAL) {
                    return flow;
                }
            }
            return Flow.NORMAL;
        };
    }

    /** Where a local declaration's value goes: a callable slot, else a container slot. */
    private static int localSlot(String name, Scope s) {
        Integer i = s.localSlots().get(name);
        if (i == null) {
            throw new InterpreterException("no slot for local " + name + " (interpreter bug)");
        }
        return i;
    }

    private StmtNode declare(Stmt.VarDecl v, Scope s) {
        int slot = localSlot(v.name(), s);
        boolean callable = s.callable != null;
        ExprNode init = v.init().isPresent() ? expr(v.init().get(), s)
                : ExprCompiler.fresh(Values.initial(s.resolve(v.type())));
        return f -> {
            (callable ? f.call : f.locals)[slot] = init.eval(f).copy();
            return Flow.NORMAL;
        };
    }

    private StmtNode switchStmt(Stmt.Switch sw, Scope s) {
        ExprNode subject = expr(sw.subject(), s);
        List<Stmt.Case> cases = sw.cases();
        int n = cases.size();
        Stmt.Label[] labels = new Stmt.Label[n];
        ExprNode[] values = new ExprNode[n];
        StmtNode[] bodies = new StmtNode[n];
        for (int i = 0; i < n; i++) {
            labels[i] = cases.get(i).label();
            if (labels[i] instanceof Stmt.ValueLabel vl) {
                values[i] = expr(vl.value(), s);
            }
            bodies[i] = cases.get(i).body().map(b -> compile(b, s)).orElse(null);
        }
        return f -> {
            Value v = subject.eval(f);
            for (int i = 0; i < n; i++) {
                if (matches(labels[i], values[i], v, f)) {
                    for (int j = i; j < n; j++) {
                        if (bodies[j] != null) {
                            return bodies[j].exec(f);
                        }
                    }
                    return Flow.NORMAL;
                }
            }
            return Flow.NORMAL;
        };
    }

    private static boolean matches(Stmt.Label label, ExprNode value, Value subject, Frame f) {
        return switch (label) {
            case Stmt.DefaultLabel d -> true;
            case Stmt.ActionLabel a -> subject instanceof EnumValue e && e.member().equals(a.action());
            case Stmt.ValueLabel v -> Values.equal(subject, value.eval(f));
        };
    }

    private StmtNode forLoop(Stmt.For fo, Scope s) {
        StmtNode init = block(fo.init(), s);
        ExprNode cond = fo.condition().map(c -> expr(c, s)).orElse(ExprCompiler.constant(BoolValue.TRUE));
        StmtNode update = block(fo.update(), s);
        StmtNode body = compile(fo.body(), s);
        return f -> {
            init.exec(f);
            while (((BoolValue) cond.eval(f)).value()) {
                Flow flow = body.exec(f);
                if (flow == Flow.BREAK) {
                    break;
                }
                if (flow == Flow.RETURN) {
                    return flow;
                }
                update.exec(f);
            }
            return Flow.NORMAL;
        };
    }

    private StmtNode forIn(Stmt.ForIn fi, Scope s) {
        ExprNode collection = expr(fi.collection(), s);
        int slot = localSlot(fi.variable().name(), s);
        boolean callable = s.callable != null;
        StmtNode body = compile(fi.body(), s);
        return f -> {
            Value c = collection.eval(f);
            int n = c instanceof StackValue st ? st.size() : ((TupleValue) c).size();
            for (int i = 0; i < n; i++) {
                Value element = c instanceof StackValue st ? st.element(i) : ((TupleValue) c).get(i);
                (callable ? f.call : f.locals)[slot] = element.copy();
                Flow flow = body.exec(f);
                if (flow == Flow.BREAK) {
                    break;
                }
                if (flow == Flow.RETURN) {
                    return flow;
                }
            }
            return Flow.NORMAL;
        };
    }

    private StmtNode forRange(Stmt.ForRange fr, Scope s) {
        ExprNode lo = expr(fr.lo(), s);
        ExprNode hi = expr(fr.hi(), s);
        Type type = s.resolve(fr.variable().type());
        int slot = localSlot(fr.variable().name(), s);
        boolean callable = s.callable != null;
        StmtNode body = compile(fr.body(), s);
        return f -> {
            BigInteger from = Values.number(lo.eval(f));
            BigInteger to = Values.number(hi.eval(f));
            for (BigInteger i = from; i.compareTo(to) <= 0; i = i.add(BigInteger.ONE)) {
                Value v = type instanceof Type.Bits b ? BitsValue.of(b.width(), b.signed(), i) : new IntValue(i);
                (callable ? f.call : f.locals)[slot] = v;
                Flow flow = body.exec(f);
                if (flow == Flow.BREAK) {
                    break;
                }
                if (flow == Flow.RETURN) {
                    return flow;
                }
            }
            return Flow.NORMAL;
        };
    }
}
