package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Table;
import dev.p4ebpf.ir.pass.Decls;
import dev.p4ebpf.ir.pass.IrRewriter;
import dev.p4ebpf.ir.pass.Pass;
import dev.p4ebpf.ir.pass.PassContext;
import dev.p4ebpf.ir.print.ExprPrinter;
import java.util.List;

/**
 * Fixes each table key's control-plane name before anything renames or rewrites the key: a key
 * without {@code @name} gets one holding its expression as p4c names it, which is how it was
 * written ({@code headers.ipv4[0].srcAddr}, {@code h.h.isValid()}, {@code meta.x[15:0]}: constant
 * indices as plain numbers, other expressions as {@link ExprPrinter} prints them). Later passes
 * keep it, so the control plane finds the key by the same name before and after the midend.
 */
public final class NameTableKeys implements Pass {
    @Override
    public String name() {
        return "name-table-keys";
    }

    @Override
    public String summary() {
        return "record each table key's control-plane name in @name before keys are rewritten";
    }

    @Override
    public Program apply(Program program, PassContext context) {
        return new IrRewriter() {
            @Override
            public List<Decl> decl(Decl d) {
                return Decls.isBundled(d) ? List.of(d) : super.decl(d);
            }

            @Override
            public Table.Key tableKey(Table.Key k) {
                return ControlPlaneNames.of(k.annotations()).isPresent() ? k
                        : new Table.Key(k.expr(), k.matchKind(),
                                ControlPlaneNames.with(k.annotations(), keyName(k.expr())), k.span());
            }
        }.program(program);
    }

    /** The control-plane name of a key expression without {@code @name}. */
    static String keyName(Expr e) {
        if (e instanceof Expr.Var v) {
            return v.name();
        }
        if (e instanceof Expr.Member m) {
            return keyName(m.base()) + "." + m.field();
        }
        if (e instanceof Expr.StackElement s && s.index() instanceof Expr.IntLit i) {
            return keyName(s.stack()) + "[" + i.value() + "]";
        }
        if (e instanceof Expr.StackProperty s) {
            return keyName(s.stack()) + "." + s.property().member();
        }
        if (e instanceof Expr.Slice s) {
            return keyName(s.operand()) + "[" + s.hi() + ":" + s.lo() + "]";
        }
        if (e instanceof Call.BuiltinCall b && b.builtin() == Call.Builtin.IS_VALID) {
            return keyName(b.target()) + ".isValid()";
        }
        return ExprPrinter.expr(e);
    }
}
