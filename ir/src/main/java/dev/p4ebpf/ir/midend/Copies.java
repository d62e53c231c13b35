package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.pass.Decls;

/** Conventions for declarations a pass derives from others (specializations, inlined copies). */
final class Copies {
    private Copies() {}

    /**
     * The span for a declaration derived from {@code original}: the original's, except that a copy of
     * a bundled declaration is not itself bundled (it is printed in full, not as an {@code #include}).
     */
    static Span span(Decl original) {
        return Decls.isBundled(original) ? Span.NONE : original.span();
    }
}
