package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Param;
import dev.p4ebpf.ir.Stmt;
import dev.p4ebpf.ir.TypeSubst;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.List;

/**
 * An action or function, compiled for one block instance (or the top level) and one binding of
 * its type parameters: a frame of slots for its parameters and locals, and its body. Running it
 * copies the arguments in, executes the body, and copies {@code out} and {@code inout}
 * arguments back, also when the body ends with {@code exit}.
 */
final class CompiledCallable {
    private final int size;
    private final int[] paramSlots;
    private final Nodes.StmtNode body;

    CompiledCallable(Machine machine, BlockInstance block, TypeSubst subst, java.util.Map<String, Integer> container,
                     List<Param> params, Stmt.Block body) {
        Slots slots = new Slots();
        for (Param p : params) {
            slots.add(p.name());
        }
        slots.addDeclared(body.statements());
        this.size = slots.size();
        this.paramSlots = params.stream().mapToInt(p -> slots.map().get(p.name())).toArray();
        Scope scope = new Scope(block, subst, container, slots.map());
        this.body = machine.compiler.stmts.block(body.statements(), scope);
    }

    /** Runs with bound arguments (one per parameter); returns the {@code return} value, if any. */
    Value run(Frame caller, Binder.Bound b) {
        Frame f = new Frame(caller.block, caller.locals, new Value[size]);
        Value[] values = b.values();
        for (int i = 0; i < paramSlots.length; i++) {
            f.call[paramSlots[i]] = values[i];
        }
        try {
            body.exec(f);
        } catch (ExitSignal exit) {
            finish(f, b);
            throw exit;
        }
        finish(f, b);
        return f.returnValue;
    }

    private void finish(Frame f, Binder.Bound b) {
        Location[] outs = b.outs();
        if (outs.length == 0) {
            return;
        }
        for (int i = 0; i < paramSlots.length; i++) {
            if (outs[i] != null) {
                b.values()[i] = f.call[paramSlots[i]];
            }
        }
        b.copyOut();
    }
}
