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
     * Runs method {@code call.method()}. Arguments arrive copied in ({@code out} ones holding
     * their initial value); the method stores its {@code out}/{@code inout} results with
     * {@link ExternCall#set}. Returns the result, or {@code null} for a {@code void} method.
     */
    Value call(ExternCall call);
}
