package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.interp.value.Value;

/**
 * An extern function ({@code verify}, {@code mark_to_drop}, {@code hash} …) as an architecture
 * model implements it. Same argument conventions as {@link ExternObject#call}: {@code in}
 * arguments are shared and must not be modified, results are stored with {@link ExternCall#set}.
 */
@FunctionalInterface
public interface ExternFunction {

    Value call(ExternCall call);
}
