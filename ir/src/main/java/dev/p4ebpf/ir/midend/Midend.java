package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.CompilerBug;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.pass.Pipeline;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The midend: the pipeline of passes that turns the frontend's program into the form the backends
 * consume (see the package documentation for what that form guarantees).
 */
public final class Midend {
    /** Room for the rewriters' recursion on the most deeply nested programs the frontend accepts. */
    private static final long STACK_BYTES = 1L << 30;

    private Midend() {}

    /** The passes, in the order they run. */
    public static Pipeline pipeline() {
        return new Pipeline("midend", List.of(
                new NameTableKeys(),
                new SpecializeGenericFunctions(),
                new SpecializeBlocks(),
                new SpecializeGenericTypes(),
                new RemoveUnusedDeclarations("remove-unused-declarations"),
                new EliminateTuples(),
                new MoveDeclarations("move-declarations"),
                new BindTableActionArguments(),
                new OrderSideEffects(),
                new ComputeTableKeys(),
                new LowerTableApplies(),
                new InlineFunctions(),
                new InlineActions(),
                new InlineControls(),
                new InlineParsers(),
                new RemoveUnusedDeclarations("remove-inlined-declarations"),
                new LowerValueSwitches(),
                new RemoveReturns(),
                new RemoveExits(),
                new PropagateConstants("propagate-constants"),
                new UnrollLoops(),
                new EliminateDeadCode("eliminate-dead-code"),
                new MoveDeclarations("move-inlined-declarations"),
                new UnrollParserLoops(),
                new ExpandEmits(),
                new SimplifyCallArguments(),
                new FlattenStructAssignments(),
                new MoveDeclarations("move-temporaries"),
                new PropagateConstants("propagate-constants-again"),
                new EliminateDeadCode("eliminate-dead-code-again"),
                new RemoveUnusedDeclarations("remove-dead-declarations"),
                new QualifyControlPlaneNames(),
                new CheckMidendOutput()));
    }

    /** Runs the whole pipeline. */
    public static Pipeline.Result run(Program program, Diagnostics diagnostics) {
        return run(pipeline(), program, diagnostics, (p, i, prog) -> {});
    }

    /**
     * Runs {@code pipeline} on a thread with a large stack (the rewriters recurse over expressions),
     * rethrowing its {@link CompilerBug}s here.
     */
    public static Pipeline.Result run(Pipeline pipeline, Program program, Diagnostics diagnostics,
                                      Pipeline.Observer observer) {
        var result = new AtomicReference<Pipeline.Result>();
        var failure = new AtomicReference<Throwable>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(pipeline.run(program, diagnostics, observer));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "p4ebpf-midend", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompilerBug(Span.NONE, "interrupted while running the midend");
        }
        Throwable f = failure.get();
        if (f instanceof CompilerBug bug) {
            throw bug;
        }
        if (f != null) {
            throw new CompilerBug(Span.NONE, f.toString(), f);
        }
        return result.get();
    }
}
