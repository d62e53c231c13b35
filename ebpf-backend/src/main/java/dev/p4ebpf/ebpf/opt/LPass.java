package dev.p4ebpf.ebpf.opt;

import dev.p4ebpf.ebpf.lir.LFunction;

/** One optimization of LIR functions: a named function {@code LFunction → LFunction} that preserves behaviour. */
public interface LPass {
    /** The name {@code --list-passes} prints and {@code --dump-after} takes. */
    String name();

    LFunction run(LFunction f);
}
