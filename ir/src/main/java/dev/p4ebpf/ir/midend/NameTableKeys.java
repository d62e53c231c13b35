package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Decl;
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
 * without {@code @name} gets one holding its expression as the frontend produced it (printed by
 * {@link ExprPrinter}, e.g. {@code headers.ipv4[32w0].srcAddr}), which later passes keep.
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
                                ControlPlaneNames.with(k.annotations(), ExprPrinter.expr(k.expr())), k.span());
            }
        }.program(program);
    }
}
