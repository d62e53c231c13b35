package dev.p4ebpf.ebpf.insn;

import static dev.p4ebpf.ebpf.insn.Reg.*;

import dev.p4ebpf.ebpf.testutil.Golden;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Snapshot of a whole DSL-built program listed with its P4 source lines interleaved. */
class DisassemblyGoldenTest {
    private static final List<String> P4 = List.of(
            "control ingress(inout headers_t hdr, inout metadata_t meta) {",
            "    table flows { key = { hdr.ipv4.dst : exact; } actions = { drop; pass; } }",
            "    apply {",
            "        if (!hdr.ipv4.isValid()) { return; }",
            "        flows.apply();",
            "    }",
            "}");

    /** An XDP program that looks {@code dst} up in a hash map and drops on a hit. */
    static Code xdpLookup() {
        Label pass = Label.of("pass");
        Label miss = Label.of("miss");
        Span valid = Span.at("flows.p4", 4, 9);
        Span apply = Span.at("flows.p4", 5, 9);
        return Code.builder()
                .emit(Mem.ldx(Size.W, R2, R1, 0).withSpan(valid).withComment("data"))
                .emit(Mem.ldx(Size.W, R3, R1, 4).withSpan(valid).withComment("data_end"))
                .emit(Alu64.MOV.reg(R4, R2).withSpan(valid))
                .emit(Alu64.ADD.imm(R4, 34).withSpan(valid))
                .emit(Jmp.JGT.reg(R4, R3, pass).withSpan(valid))
                .emit(Mem.ldx(Size.W, R2, R2, 30).withSpan(apply))
                .emit(Mem.stx(Size.W, FP, -4, R2).withSpan(apply))
                .emit(Alu64.MOV.reg(R2, FP).withSpan(apply))
                .emit(Alu64.ADD.imm(R2, -4).withSpan(apply))
                .emit(LdImm64.map(R1, "flows").withSpan(apply))
                .emit(Call.helper(Helper.MAP_LOOKUP_ELEM).withSpan(apply))
                .emit(Jmp.JEQ.imm(R0, 0, miss).withSpan(apply))
                .emit(Alu.MOV.imm(R0, 1).withSpan(apply).withComment("XDP_DROP"))
                .emit(Jmp.exit())
                .bind(miss).bind(pass)
                .emit(Alu.MOV.imm(R0, 2).withComment("XDP_PASS"))
                .emit(Jmp.exit())
                .build();
    }

    @Test
    void xdpLookupListing() throws Exception {
        Disassembler d = Disassembler.plain()
                .withSymbols(new java.util.TreeMap<>(java.util.Map.of(0, "xdp_prog")))
                .withSource(span -> span.line() >= 1 && span.line() <= P4.size()
                        ? Optional.of(P4.get(span.line() - 1)) : Optional.empty());
        Golden.check("dev/p4ebpf/ebpf/insn/xdp-lookup.disasm", d.listing(xdpLookup()));
    }
}
