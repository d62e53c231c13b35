package dev.p4ebpf.conformance.run;

import dev.p4ebpf.ir.interp.ExternModule;
import dev.p4ebpf.ir.interp.Interpreter;
import dev.p4ebpf.ir.interp.InterpreterException;
import dev.p4ebpf.ir.interp.InterpreterOptions;
import java.util.List;
import java.util.function.Supplier;

/**
 * The reference interpreter as a target ({@code interp}). Each session gets fresh extern modules
 * from {@code modules}, so that state in them (a connection tracker) does not leak between tests.
 */
public final class InterpreterTarget implements Target {
    public static final String NAME = "interp";

    private final Supplier<List<ExternModule>> modules;
    private final long randomSeed;

    public InterpreterTarget(Supplier<List<ExternModule>> modules, long randomSeed) {
        this.modules = modules;
        this.randomSeed = randomSeed;
    }

    /** The interpreter with no extern modules and the default seed. */
    public InterpreterTarget() {
        this(List::of, InterpreterOptions.defaults().randomSeed());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TargetSession open(TestProgram program) throws TargetException {
        try {
            return new InterpreterSession(Interpreter.load(program.program(),
                    new InterpreterOptions(modules.get(), randomSeed)), program.program());
        } catch (InterpreterException e) {
            throw new TargetException(e.headline(), e);
        }
    }
}
