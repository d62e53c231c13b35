package dev.p4ebpf.ebpf.opt;

import java.util.List;

/** The backend's pass pipelines, as flat lists. */
public final class Pipelines {
    private Pipelines() {}

    /**
     * What {@code p4ebpf compile} runs on every function: clean the CFG; forward loads, copies and
     * constants; simplify; drop checks, stores and code made redundant; thread jumps decided by
     * constants (twice, as each round exposes more); a last round for what threading exposed.
     */
    public static Pipeline standard() {
        return new Pipeline(List.of(
                new SimplifyCfg(),
                new RedundantLoadElimination(),
                new CopyPropagation(),
                new ConstantPropagation(),
                new Peephole(),
                new StackForwarding(),
                new DeadStoreElimination(),
                new CopyPropagation(),
                new BoundsCheckElimination(),
                new DeadCodeElimination(),
                new SimplifyCfg(),
                new JumpThreading(),
                new SimplifyCfg(),
                new CopyPropagation(),
                new ConstantPropagation(),
                new DeadCodeElimination(),
                new JumpThreading(),
                new SimplifyCfg(),
                new RedundantLoadElimination(),
                new CopyPropagation(),
                new ConstantPropagation(),
                new Peephole(),
                new StackForwarding(),
                new DeadStoreElimination(),
                new DeadCodeElimination(),
                new SimplifyCfg()));
    }
}
