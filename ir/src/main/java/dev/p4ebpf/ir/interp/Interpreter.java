package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.arch.ArchitectureModels;

/**
 * The reference interpreter: runs a checked P4 program on packets, with the architecture its
 * {@code main} package selects (see {@link ArchitectureModels}). Table entries, default actions
 * and extern state persist from packet to packet; reach them through {@link #machine()}.
 *
 * <p>Not thread-safe: one packet at a time.
 */
public final class Interpreter {
    private final Machine machine;
    private final Architecture architecture;

    private Interpreter(Machine machine, Architecture architecture) {
        this.machine = machine;
        this.architecture = architecture;
    }

    /**
     * Instantiates {@code program}. Throws {@link InterpreterException} when it has no
     * {@code main}, its package is not one the interpreter models, or it uses an extern the model
     * lacks.
     */
    public static Interpreter load(Program program, InterpreterOptions options) {
        Decl.InstanceDecl main = program.main().orElseThrow(() -> new InterpreterException(
                "the program has no 'main' instance: nothing to run"));
        String pkg = main.type() instanceof Type.Block b ? b.name() : main.type().toString();
        Architecture arch = ArchitectureModels.forPackage(pkg, options, main.span());
        return new Interpreter(new Machine(program, arch), arch);
    }

    /** Runs one packet that arrives on {@code port}. */
    public PacketResult process(long port, byte[] packet) {
        return architecture.process(new InputPacket(port, packet));
    }

    public Machine machine() {
        return machine;
    }

    public Architecture architecture() {
        return architecture;
    }
}
