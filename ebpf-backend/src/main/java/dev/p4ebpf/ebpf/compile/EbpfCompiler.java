package dev.p4ebpf.ebpf.compile;

import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.ControlPlaneJson;
import dev.p4ebpf.ebpf.elf.ElfException;
import dev.p4ebpf.ebpf.elf.ElfWriter;
import dev.p4ebpf.ebpf.emit.Codegen;
import dev.p4ebpf.ebpf.lower.EbpfLowering;
import dev.p4ebpf.ebpf.lower.Lowered;
import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.opt.Pipelines;
import dev.p4ebpf.ebpf.regalloc.FrameTooLargeException;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.CompilerBug;
import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.diag.Span;
import java.util.Optional;
import java.util.function.Function;

/**
 * The eBPF backend as one call: a P4 program as the midend leaves it, to a BPF ELF object and its
 * control-plane description. Steps: lowering to the LIR, optimization, register allocation,
 * emission, object assembly. The same input gives byte-identical output.
 */
public final class EbpfCompiler {
    private EbpfCompiler() {}

    private static final int XDP_ABORTED = 0;
    private static final int TC_ACT_SHOT = 2;

    /** What compiling produced; {@code elf} is the object file's bytes. */
    public record Compiled(Lowered lowered, Codegen codegen, BpfObject object, byte[] elf, ControlPlane controlPlane) {
        public String controlPlaneJson() {
            return ControlPlaneJson.write(controlPlane);
        }
    }

    /**
     * The BPF program name for a P4 source file: its base name with every character that cannot be
     * in a BTF function name replaced by {@code _}, prefixed when it starts with a digit, and cut to
     * the kernel's 15 characters.
     */
    public static String programName(java.nio.file.Path source) {
        String n = source.getFileName().toString().replaceAll("\\.p4$", "").replaceAll("[^A-Za-z0-9_]", "_");
        if (n.isEmpty() || Character.isDigit(n.charAt(0))) {
            n = "p4_" + n;
        }
        return n.length() > 15 ? n.substring(0, 15) : n;
    }

    /**
     * Compiles {@code program} for {@code hook}. {@code source} gives the text of a source line for
     * line info (empty when unknown). Problems are reported to {@code diags}.
     */
    public static Optional<Compiled> compile(Program program, EbpfLowering.Hook hook, String name,
                                             Function<Span, Optional<String>> source, Diagnostics diags) {
        return compile(program, hook, name, EbpfLowering.Options.DEFAULTS, source, diags);
    }

    /** As {@link #compile(Program, EbpfLowering.Hook, String, Function, Diagnostics)}, with backend options. */
    public static Optional<Compiled> compile(Program program, EbpfLowering.Hook hook, String name,
                                             EbpfLowering.Options options, Function<Span, Optional<String>> source,
                                             Diagnostics diags) {
        Optional<Lowered> lowered = EbpfLowering.lower(program, hook, name, options, diags);
        if (lowered.isEmpty()) {
            return Optional.empty();
        }
        Lowered l = lowered.get();
        Codegen cg;
        try {
            cg = Codegen.compile(l.function(), Pipelines.standard());
        } catch (FrameTooLargeException tooLarge) {
            // the stack slots move to a per-CPU scratch map; only spills stay on the stack
            l = ScratchFrame.apply(l, l.section().equals("xdp") ? XDP_ABORTED : TC_ACT_SHOT);
            try {
                cg = Codegen.compile(l.function(), Pipelines.standard());
            } catch (FrameTooLargeException e) {
                diags.report(Code.UNSUPPORTED, program.main().map(m -> m.span()).orElse(Span.NONE), "this program",
                        e.getMessage());
                return Optional.empty();
            }
        }
        BpfObject object = ObjectAssembly.assemble(l, cg.code(), source);
        byte[] elf;
        try {
            elf = ElfWriter.write(object);
        } catch (ElfException e) {
            throw new CompilerBug(Span.NONE, "the object could not be written: " + e.getMessage(), e);
        }
        return Optional.of(new Compiled(l, cg, object, elf, l.controlPlane()));
    }
}
