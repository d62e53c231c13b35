package dev.p4ebpf.conformance.vm;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one run, what {@code BPF_PROG_TEST_RUN} reports and a little more.
 *
 * @param returnValue          r0 at the final exit (the kernel's {@code retval} is its low 32 bits)
 * @param packet               the packet afterwards, as the test run's {@code data_out} holds it
 * @param redirect             the redirect target, when the program called {@code bpf_redirect(_map)}
 *                             successfully and last
 * @param trace                the lines {@code bpf_trace_printk} wrote, in order
 * @param instructionsExecuted instructions executed, over every tail call and subprogram
 * @param contextOut           the context afterwards, as the test run's {@code ctx_out} holds it
 */
public record VmResult(long returnValue, byte[] packet, Optional<Redirect> redirect, List<String> trace,
                       long instructionsExecuted, byte[] contextOut) {

    public VmResult {
        packet = packet.clone();
        contextOut = contextOut.clone();
        trace = List.copyOf(trace);
    }

    @Override
    public byte[] packet() {
        return packet.clone();
    }

    @Override
    public byte[] contextOut() {
        return contextOut.clone();
    }

    /** The kernel's {@code retval}: the low 32 bits of r0. */
    public int retval() {
        return (int) returnValue;
    }

    /** The XDP verdict, for an XDP program. */
    public XdpAction xdpAction() {
        return XdpAction.of(retval());
    }

    /** The tc verdict, for a sched_cls program. */
    public TcAction tcAction() {
        return TcAction.of(retval());
    }
}
