package dev.p4ebpf.driver.load;

import dev.p4ebpf.ebpf.btf.BtfExt;
import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.FuncSpec;
import dev.p4ebpf.ebpf.object.LinkedProgram;
import java.util.List;
import java.util.Optional;

/**
 * Finds the source line of an instruction of a linked program from the object's line info (for
 * p4ebpf objects, the P4 source; for clang objects, the C source), so that a verifier rejection can
 * name it.
 */
record SourceLines(BpfObject spec, LinkedProgram linked) {

    /** {@code file:line:column: text} of the line info record covering instruction {@code insn}. */
    Optional<String> describe(int insn) {
        LinkedProgram.Placed function = null;
        for (LinkedProgram.Placed p : linked.functions()) {
            if (p.slot() <= insn && (function == null || p.slot() > function.slot())) {
                function = p;
            }
        }
        if (function == null) {
            return Optional.empty();
        }
        String fname = function.name();
        Optional<FuncSpec> f = linked.spec().name().equals(fname) ? Optional.of(linked.spec().body())
                : spec.subprogram(fname);
        int offset = insn - function.slot();
        return f.flatMap(fs -> covering(fs.lines(), offset)).map(l -> l.file() + ":" + l.line() + ":" + l.column()
                + (l.text().isBlank() ? "" : ": " + l.text().strip()));
    }

    private static Optional<BtfExt.LineInfo> covering(List<BtfExt.LineInfo> lines, int offset) {
        BtfExt.LineInfo best = null;
        for (BtfExt.LineInfo l : lines) {
            if (l.insn() <= offset && (best == null || l.insn() >= best.insn())) {
                best = l;
            }
        }
        return Optional.ofNullable(best);
    }
}
