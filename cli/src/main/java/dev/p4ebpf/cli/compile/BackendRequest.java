package dev.p4ebpf.cli.compile;

import dev.p4ebpf.cli.Command;
import dev.p4ebpf.cli.frontend.DiagnosticPrinter;
import dev.p4ebpf.ebpf.compile.EbpfCompiler;
import dev.p4ebpf.ebpf.insn.Disassembler;
import dev.p4ebpf.ebpf.lower.EbpfLowering;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.diag.Diagnostics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;

/** What {@code p4ebpf compile} asks of the eBPF backend: the hook, what to emit, where to write it. */
record BackendRequest(Optional<EbpfLowering.Hook> hook, String emit, Optional<Path> output,
                      EbpfLowering.Options options) {

    static BackendRequest of(CommandLine line, String input) throws Command.UsageException {
        Optional<EbpfLowering.Hook> hook = switch (line.getOptionValue("target", "")) {
            case "" -> Optional.empty();
            case "xdp" -> Optional.of(EbpfLowering.Hook.XDP);
            case "tc" -> Optional.of(EbpfLowering.Hook.TC);
            default -> throw new Command.UsageException("--target " + line.getOptionValue("target") + ": expected xdp or tc");
        };
        Optional<Path> output = Optional.ofNullable(line.getOptionValue("output")).map(Path::of);
        String emit = line.getOptionValue("emit", output.isPresent() ? "obj" : "none");
        if (!emit.equals("obj") && !emit.equals("asm") && !emit.equals("lir") && !emit.equals("none")) {
            throw new Command.UsageException("--emit " + emit + ": expected obj, asm or lir");
        }
        if (emit.equals("obj") && output.isEmpty()) {
            throw new Command.UsageException("--emit obj needs -o FILE");
        }
        return new BackendRequest(hook, emit, output, options(line));
    }

    private static EbpfLowering.Options options(CommandLine line) throws Command.UsageException {
        String masks = line.getOptionValue("max-ternary-masks");
        if (masks == null) {
            return EbpfLowering.Options.DEFAULTS;
        }
        int n;
        try {
            n = Integer.parseInt(masks);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > EbpfLowering.Options.MAX_TERNARY_MASKS_LIMIT) {
            throw new Command.UsageException("--max-ternary-masks " + masks + ": expected a number from 1 to "
                    + EbpfLowering.Options.MAX_TERNARY_MASKS_LIMIT);
        }
        return new EbpfLowering.Options(n);
    }

    int run(Program program, String file, PrintStream out, PrintStream err, DiagnosticPrinter printer) {
        var diags = new Diagnostics();
        String name = EbpfCompiler.programName(Path.of(file));
        var sources = new dev.p4ebpf.frontend.SourceLines();
        Optional<EbpfCompiler.Compiled> c = EbpfCompiler.compile(program, hook.orElseGet(() -> EbpfLowering.defaultHook(program)), name,
                options, sources::line, diags);
        diags.sorted().forEach(printer::print);
        if (c.isEmpty() || diags.hasErrors()) {
            return Command.FAILED;
        }
        switch (emit) {
            case "asm" -> {
                try {
                    out.print(Disassembler.plain().withSource(sources::line).listing(c.get().codegen().code()));
                } catch (dev.p4ebpf.ebpf.insn.EncodeException e) {
                    throw new dev.p4ebpf.ir.diag.CompilerBug(dev.p4ebpf.ir.diag.Span.NONE, "cannot list the code: "
                            + e.getMessage(), e);
                }
            }
            case "lir" -> out.print(c.get().lowered().function());
            default -> { }
        }
        if (output.isPresent()) {
            return write(c.get(), output.get(), err);
        }
        return Command.OK;
    }

    private static int write(EbpfCompiler.Compiled c, Path object, PrintStream err) {
        Path json = jsonPath(object);
        try {
            Files.write(object, c.elf());
            Files.writeString(json, c.controlPlaneJson());
            return Command.OK;
        } catch (IOException e) {
            err.println("p4ebpf compile: cannot write " + object + " or " + json + ": " + e.getMessage());
            return Command.FAILED;
        }
    }

    /** {@code prog.o} → {@code prog.json}. */
    static Path jsonPath(Path object) {
        String n = object.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return object.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ".json");
    }
}
