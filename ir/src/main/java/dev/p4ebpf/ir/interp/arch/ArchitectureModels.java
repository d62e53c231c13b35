package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.interp.Architecture;
import dev.p4ebpf.ir.interp.InterpreterException;
import dev.p4ebpf.ir.interp.InterpreterOptions;
import java.util.List;

/**
 * The architectures the interpreter models, chosen by the package instantiated as {@code main}:
 * {@code ebpfFilter} (ebpf_model.p4), {@code xdp} (xdp_model.p4) and {@code V1Switch}
 * (v1model.p4, with BMv2 simple_switch's semantics).
 */
public final class ArchitectureModels {
    /** The package names with a model. */
    public static final List<String> PACKAGES = List.of("ebpfFilter", "xdp", "V1Switch");

    private ArchitectureModels() {}

    public static Architecture forPackage(String packageName, InterpreterOptions options, Span where) {
        return switch (packageName) {
            case "ebpfFilter" -> new EbpfFilterModel(options);
            case "xdp" -> new XdpModel(options);
            case "V1Switch" -> new V1SwitchModel(options);
            default -> throw new InterpreterException(where, "the interpreter does not model the architecture of "
                    + "package " + packageName + "; it models " + String.join(", ", PACKAGES));
        };
    }
}
