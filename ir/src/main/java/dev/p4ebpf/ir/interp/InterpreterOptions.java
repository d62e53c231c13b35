package dev.p4ebpf.ir.interp;

import java.util.List;

/**
 * How to set up an {@link Interpreter}.
 *
 * @param externModules implementations of program-declared extern functions, consulted in order
 * @param randomSeed    the seed of the architecture's {@code random} extern, which the
 *                      interpreter makes deterministic
 */
public record InterpreterOptions(List<ExternModule> externModules, long randomSeed) {
    public InterpreterOptions {
        externModules = List.copyOf(externModules);
    }

    public static InterpreterOptions defaults() {
        return new InterpreterOptions(List.of(), 1);
    }

    public InterpreterOptions withExternModules(List<ExternModule> modules) {
        return new InterpreterOptions(modules, randomSeed);
    }
}
