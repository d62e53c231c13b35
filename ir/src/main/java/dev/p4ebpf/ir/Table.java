package dev.p4ebpf.ir;

import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/** The parts of a table declaration ({@link Decl.TableDecl}). */
public final class Table {
    private Table() {}

    /** A key element: the expression and its match kind ({@code exact}, {@code lpm}, …). */
    public record Key(Expr expr, String matchKind, List<Annotation> annotations, Span span) {
        public Key {
            annotations = List.copyOf(annotations);
        }

        /** The control-plane name: {@code @name} if given, else the expression as written. */
        public String controlPlaneName(String printed) {
            return Annotation.nameOf(annotations).orElse(printed);
        }
    }

    /**
     * An action the table may run. Parameters with a direction are bound here ({@code boundArgs},
     * in parameter order); the directionless ones are the action data the control plane supplies.
     */
    public record ActionRef(String action, boolean global, List<Arg> boundArgs, List<Param> controlPlaneParams,
                            List<Annotation> annotations, Span span) {
        public ActionRef {
            boundArgs = List.copyOf(boundArgs);
            controlPlaneParams = List.copyOf(controlPlaneParams);
            annotations = List.copyOf(annotations);
        }
    }

    /** {@code [const] default_action = a(args);} */
    public record DefaultAction(Call.ActionCall call, boolean isConst, Span span) {}

    /** One entry of {@code entries}: a keyset per key, the action with all its arguments, a priority. */
    public record Entry(KeySet keys, Call.ActionCall action, Optional<Expr> priority, boolean isConst,
                        List<Annotation> annotations, Span span) {
        public Entry {
            annotations = List.copyOf(annotations);
        }
    }

    /** {@code [const] entries = { … }}. */
    public record Entries(boolean isConst, List<Entry> entries, Span span) {
        public Entries {
            entries = List.copyOf(entries);
        }
    }

    /**
     * Any other property: {@code size}, {@code implementation}, {@code counters},
     * {@code largest_priority_wins}, {@code priority_delta}, or an architecture's own.
     */
    public record Property(String name, boolean isConst, Expr value, List<Annotation> annotations, Span span) {
        public Property {
            annotations = List.copyOf(annotations);
        }
    }
}
