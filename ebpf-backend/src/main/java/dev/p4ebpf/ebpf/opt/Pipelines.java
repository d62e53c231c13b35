package dev.p4ebpf.ebpf.opt;

import java.util.List;

/** The backend's pass pipelines, as flat lists. */
public final class Pipelines {
    private Pipelines() {}

    /**
     * What {@code p4ebpf compile} runs on every function: clean the CFG; forward loads, copies and
     * constants; simplify; drop checks and code made redundant; a second round for what the first
     * exposed.
     */
    public static Pipeline standard() {
        return new Pipeline(List.of(
                new SimplifyCfg(),
                new RedundantLoadElimination(),
                new CopyPropagation(),
                new ConstantPropagation(),
                new Peephole(),
                new StackForwarding(),
                new CopyPropagation(),
                new BoundsCheckElimination(),
                new SimplifyCfg(),
                new DeadCodeElimination(),
                new RedundantLoadElimination(),
                new CopyPropagation(),
                new ConstantPropagation(),
                new Peephole(),
                new DeadCodeElimination(),
                new SimplifyCfg()));
    }
}
