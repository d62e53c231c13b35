package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.interp.value.Value;

/**
 * An instance of an extern type ({@code counter}, {@code register}, {@code packet_in} …) as the
 * architecture model implements it. Its state lives as long as the instance.
 */
public interface ExternObject {

    /** The extern type's name, e.g. {@code register}. */
    String externName();

    /**
     * Runs method {@code call.method()}. {@code inout} arguments arrive as copies; {@code in}
     * arguments and the initial values of {@code out} ones are not copied, so an implementation
     * must not modify them: it stores its {@code out}/{@code inout} results with
     * {@link ExternCall#set} (it may modify an {@code inout} copy and set that). Returns the
     * result, or {@code null} for a {@code void} method.
     */
    Value call(ExternCall call);
}
