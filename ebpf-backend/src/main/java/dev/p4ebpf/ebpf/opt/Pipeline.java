package dev.p4ebpf.ebpf.opt;

import dev.p4ebpf.ebpf.lir.LFunction;
import java.util.List;
import java.util.function.BiConsumer;

/** An ordered list of passes, run one after the other; printable, with a hook to dump after each. */
public record Pipeline(List<LPass> passes) {
    public Pipeline {
        passes = List.copyOf(passes);
    }

    /** No optimization at all. */
    public static Pipeline none() {
        return new Pipeline(List.of());
    }

    public LFunction run(LFunction f) {
        return run(f, (pass, result) -> {});
    }

    /** Runs every pass, handing each pass and its result to {@code after}. */
    public LFunction run(LFunction f, BiConsumer<LPass, LFunction> after) {
        LFunction cur = f;
        for (LPass p : passes) {
            cur = p.run(cur);
            after.accept(p, cur);
        }
        return cur;
    }

    /** The pass names, one per line. */
    public String listing() {
        StringBuilder sb = new StringBuilder();
        passes.forEach(p -> sb.append(p.name()).append('\n'));
        return sb.toString();
    }
}
