package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Diagnostics;
import java.util.List;
import java.util.Optional;

/**
 * The entry point of the lowering: a P4 program (as the midend leaves it) to one LIR function for
 * the chosen hook, with its maps and control-plane description. What the backend cannot compile is
 * reported as an {@code unsupported} diagnostic naming the P4 construct.
 */
public final class EbpfLowering {
    /** Where the program attaches: XDP, or tc (sched_cls, direct action). */
    public enum Hook { XDP, TC }

    /**
     * Choices the program does not make. {@code maxTernaryMasks}: how many distinct masks a ternary
     * table's tuple-space search tries (its mask list and array of hash maps have that many slots).
     */
    public record Options(int maxTernaryMasks) {
        public static final int MAX_TERNARY_MASKS_LIMIT = 256;
        public static final Options DEFAULTS = new Options(TableLayout.DEFAULT_MAX_MASKS);

        public Options {
            if (maxTernaryMasks < 1 || maxTernaryMasks > MAX_TERNARY_MASKS_LIMIT) {
                throw new IllegalArgumentException("the number of ternary masks must be between 1 and "
                        + MAX_TERNARY_MASKS_LIMIT + ", not " + maxTernaryMasks);
            }
        }
    }

    private EbpfLowering() {}

    /** The hook a program is compiled for unless told otherwise: xdp programs to XDP, others (ebpfFilter) to tc. */
    public static Hook defaultHook(Program p) {
        return p.main().map(dev.p4ebpf.ir.Decl.InstanceDecl::type)
                .filter(t -> t instanceof dev.p4ebpf.ir.Type.Block b && !b.name().equals("xdp"))
                .map(t -> Hook.TC).orElse(Hook.XDP);
    }

    private static Lowered.MapLayout layout(Maps.Def d) {
        return new Lowered.MapLayout(d.name(), d.type(), d.keySize(), d.valueSize(), d.maxEntries(), d.flags(), d.keyType(),
                d.keyMembers().stream().map(m -> new Lowered.Member(m.name(), m.offset(), m.size(), m.group())).toList(),
                d.valueType(),
                d.valueMembers().stream().map(m -> new Lowered.Member(m.name(), m.offset(), m.size(), m.group())).toList(),
                d.inner().map(EbpfLowering::layout));
    }

    public static Optional<Lowered> lower(Program program, Hook hook, String programName, Diagnostics diags) {
        return lower(program, hook, programName, Options.DEFAULTS, diags);
    }

    public static Optional<Lowered> lower(Program program, Hook hook, String programName, Options options,
                                          Diagnostics diags) {
        Optional<Architecture> arch = Architecture.of(program, diags);
        if (arch.isEmpty()) {
            return Optional.empty();
        }
        if (arch.get() instanceof Architecture.Xdp && hook == Hook.TC) {
            diags.report(Code.UNSUPPORTED, arch.get().span(), "the xdp package on tc",
                    "xdp programs attach to XDP; compile them with --target xdp");
            return Optional.empty();
        }
        Packet.Hook h = hook == Hook.XDP ? Packet.Hook.XDP : Packet.Hook.TC;
        var lowering = new ProgramLowering(program, arch.get(), h, options);
        try {
            ProgramLowering.Lowered l = lowering.lower(programName);
            var maps = lowering.maps().all().stream().map(EbpfLowering::layout).toList();
            var cp = new ControlPlane(ControlPlane.FORMAT, programName, arch.get().name(), l.lowering().tables.controlPlane,
                    l.lowering().tables.counters, List.of(), l.lowering().valueSets.controlPlane,
                    lowering.portMap().orElse(null));
            return Optional.of(new Lowered(l.function(), maps, cp, hook == Hook.XDP ? "xdp" : "tc"));
        } catch (Unsupported u) {
            report(u.at(arch.get().span()), diags);
            return Optional.empty();
        } catch (Exprs.Deferred d) {
            report(d.unsupported().at(arch.get().span()), diags);
            return Optional.empty();
        }
    }

    private static void report(Unsupported u, Diagnostics diags) {
        diags.report(Code.UNSUPPORTED, u.span(), u.construct(), u.reason());
    }
}
