package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Method;
import java.util.Map;

/**
 * An architecture model: what the package instantiated as {@code main} means. It creates the
 * extern instances and functions the architecture declares, is handed the parser and control
 * instances given to the package, and runs packets through them.
 *
 * <p>Lifecycle: the {@link Machine} calls {@link #instantiate} and {@link #function} while it
 * builds the program's instances, then {@link #attach} once with the package's arguments; after
 * that {@link #process} runs packets, one at a time.
 */
public interface Architecture {

    /** The package this model implements, e.g. {@code V1Switch}. */
    String packageName();

    /** Creates an extern instance; throws {@link InterpreterException} for an extern it does not model. */
    ExternObject instantiate(ExternInstanceSpec spec);

    /** The implementation of an extern function, or {@code null} when the model has none. */
    ExternFunction function(Method method);

    /**
     * Receives the machine and the package's constructor arguments by parameter name (block
     * instances as {@link dev.p4ebpf.ir.interp.value.ObjectValue}s of {@link BlockInstance}).
     */
    void attach(Machine machine, Map<String, dev.p4ebpf.ir.interp.value.Value> packageArgs);

    /** Runs one packet through the pipeline. */
    PacketResult process(InputPacket packet);
}
