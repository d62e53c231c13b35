package dev.p4ebpf.ir.pass;

import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Program;
import dev.p4ebpf.ir.print.P4Printer;
import java.util.HashSet;
import java.util.Set;

/**
 * Prints a program produced by passes as P4 source: declarations that came unchanged from a bundled
 * include file (as the frontend produced them) become one {@code #include <file>} line each file,
 * everything else is spelled out. Passes never change or drop bundled declarations, so the printed
 * text checks back to the same program.
 */
public final class DumpPrinter {
    private DumpPrinter() {}

    public static String print(Program program, Program frontendOutput) {
        Set<Decl> bundled = new HashSet<>();
        for (Decl d : frontendOutput.decls()) {
            if (Decls.isBundled(d)) {
                bundled.add(d);
            }
        }
        return P4Printer.withIncludes(program, d -> bundled.contains(d) ? Decls.bundledInclude(d) : null);
    }
}
