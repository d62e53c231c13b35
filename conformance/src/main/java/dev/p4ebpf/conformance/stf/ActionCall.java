package dev.p4ebpf.conformance.stf;

import java.util.List;

/**
 * The action an entry runs, with its arguments by parameter name:
 * {@code ingress.setb1(val:0x7f, port:2)}.
 */
public record ActionCall(StfName action, List<Arg> args) {

    /** One {@code PARAM:VALUE} argument. */
    public record Arg(StfName parameter, StfNumber value) {}

    public ActionCall {
        args = List.copyOf(args);
    }
}
