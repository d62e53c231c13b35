package dev.p4ebpf.ir;

import dev.p4ebpf.ir.diag.Span;
import java.util.List;

/** A parser state: its statements and where it goes next. {@code accept} and {@code reject} are implicit. */
public record ParserState(String name, List<Stmt> body, Transition transition, List<Annotation> annotations,
                          Span span) {

    public static final String ACCEPT = "accept";
    public static final String REJECT = "reject";
    public static final String START = "start";

    public ParserState {
        body = List.copyOf(body);
        annotations = List.copyOf(annotations);
    }

    /** The end of a state. */
    public sealed interface Transition permits Goto, Select {
        Span span();
    }

    /** {@code transition state;} */
    public record Goto(String state, Span span) implements Transition {}

    /** {@code transition select (keys) { keyset: state; … }} */
    public record Select(List<Expr> keys, List<SelectCase> cases, Span span) implements Transition {
        public Select {
            keys = List.copyOf(keys);
            cases = List.copyOf(cases);
        }
    }

    public record SelectCase(KeySet keySet, String state, Span span) {}
}
