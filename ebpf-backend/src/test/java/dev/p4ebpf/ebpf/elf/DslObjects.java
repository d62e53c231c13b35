package dev.p4ebpf.ebpf.elf;

import static dev.p4ebpf.ebpf.insn.Reg.*;

import dev.p4ebpf.ebpf.btf.BtfBuilder;
import dev.p4ebpf.ebpf.btf.BtfType.Member;
import dev.p4ebpf.ebpf.insn.Alu;
import dev.p4ebpf.ebpf.insn.Alu64;
import dev.p4ebpf.ebpf.insn.Call;
import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.insn.Jmp;
import dev.p4ebpf.ebpf.insn.Label;
import dev.p4ebpf.ebpf.insn.LdImm64;
import dev.p4ebpf.ebpf.insn.Mem;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.MapType;
import dev.p4ebpf.ebpf.object.ObjectBuilder;
import dev.p4ebpf.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/**
 * Objects built with the instruction DSL and ObjectBuilder, as the backend will build them: an XDP
 * program that looks the IPv4 destination up in a hash map keyed by a named struct and drops on a
 * hit, and a tc program that calls a {@code .text} subprogram — with line info from a P4 source.
 */
final class DslObjects {
    static final String P4_FILE = "filter.p4";
    static final List<String> P4 = List.of(
            "#include <xdp_model.p4>",
            "control ingress(inout headers hdr, out bool drop) {",
            "    table flows { key = { hdr.ipv4.dstAddr : exact; hdr.ipv4.protocol : exact; } }",
            "    apply {",
            "        if (!hdr.ipv4.isValid()) { drop = false; return; }",
            "        drop = flows.apply().hit;",
            "    }",
            "}");

    private DslObjects() {
    }

    static Optional<String> sourceLine(Span s) {
        return s.file().equals(P4_FILE) && s.line() >= 1 && s.line() <= P4.size()
                ? Optional.of(P4.get(s.line() - 1)) : Optional.empty();
    }

    private static Span line(int n) {
        return Span.at(P4_FILE, n, 9);
    }

    /** Adds {@code struct flow_key { __u32 dst; __u32 proto; }} and a {@code struct flow_stats}. */
    private static int[] types(BtfBuilder b) {
        int u32 = b.typedef("__u32", b.integer("unsigned int", 4, false));
        int u64 = b.typedef("__u64", b.integer("unsigned long long", 8, false));
        int key = b.struct("flow_key", 8, List.of(Member.at("dst", u32, 0), Member.at("proto", u32, 32)));
        int value = b.struct("flow_stats", 8, List.of(Member.at("packets", u64, 0)));
        return new int[] {key, value};
    }

    static BpfObject xdpFilter() {
        ObjectBuilder ob = new ObjectBuilder("GPL", DslObjects::sourceLine);
        int[] t = types(ob.btf());
        ob.map(MapSpec.of("flows", MapType.HASH, 1024, t[0], 8, t[1], 8));
        ob.program("xdp", "xdp_filter", xdpCode());
        return ob.build();
    }

    static Code xdpCode() {
        Label pass = Label.of("pass");
        return Code.builder()
                .emit(Mem.ldx(Size.W, R2, R1, 0).withSpan(line(5)))
                .emit(Mem.ldx(Size.W, R3, R1, 4).withSpan(line(5)))
                .emit(Alu64.MOV.reg(R4, R2).withSpan(line(5)))
                .emit(Alu64.ADD.imm(R4, 34).withSpan(line(5)))
                .emit(Jmp.JGT.reg(R4, R3, pass).withSpan(line(5)))
                .emit(Mem.ldx(Size.W, R5, R2, 30).withSpan(line(6)))
                .emit(Mem.stx(Size.W, FP, -8, R5).withSpan(line(6)))
                .emit(Mem.ldx(Size.B, R5, R2, 23).withSpan(line(6)))
                .emit(Mem.stx(Size.W, FP, -4, R5).withSpan(line(6)))
                .emit(Alu64.MOV.reg(R2, FP).withSpan(line(6)))
                .emit(Alu64.ADD.imm(R2, -8).withSpan(line(6)))
                .emit(LdImm64.map(R1, "flows").withSpan(line(6)))
                .emit(Call.helper(Helper.MAP_LOOKUP_ELEM).withSpan(line(6)))
                .emit(Jmp.JEQ.imm(R0, 0, pass).withSpan(line(6)))
                .emit(Alu.MOV.imm(R0, 1).withSpan(line(6)).withComment("XDP_DROP"))
                .emit(Jmp.exit().withSpan(line(6)))
                .bind(pass)
                .emit(Alu.MOV.imm(R0, 2).withSpan(line(5)).withComment("XDP_PASS"))
                .emit(Jmp.exit().withSpan(line(5)))
                .build();
    }

    /** A tc classifier: drops when the subprogram says the packet is shorter than 60 bytes. */
    static BpfObject tcWithSubprogram() {
        ObjectBuilder ob = new ObjectBuilder("GPL", DslObjects::sourceLine);
        Label ok = Label.of("ok");
        Code tc = Code.builder()
                .emit(Mem.ldx(Size.W, R1, R1, 0).withSpan(line(4)).withComment("skb->len"))
                .emit(Call.local("too_short").withSpan(line(5)))
                .emit(Jmp.JEQ.imm(R0, 0, ok).withSpan(line(5)))
                .emit(Alu64.MOV.imm(R0, 2).withSpan(line(5)).withComment("TC_ACT_SHOT"))
                .emit(Jmp.exit())
                .bind(ok)
                .emit(Alu64.MOV.imm(R0, 0).withComment("TC_ACT_OK"))
                .emit(Jmp.exit())
                .build();
        Label yes = Label.of("yes");
        Code sub = Code.builder()
                .emit(Alu64.MOV.imm(R0, 0).withSpan(line(6)))
                .emit(Jmp.JGE.imm(R1, 60, yes).withSpan(line(6)))
                .emit(Alu64.MOV.imm(R0, 1))
                .bind(yes)
                .emit(Jmp.exit())
                .build();
        ob.program("tc", "tc_len", tc);
        ob.subprogram("too_short", 1, sub);
        return ob.build();
    }

    /** An XDP program whose .text subprograms call each other: main → a (twice), b; a → b. */
    static BpfObject callChain() {
        ObjectBuilder ob = new ObjectBuilder("GPL", DslObjects::sourceLine);
        ob.program("xdp", "chain_main", Code.of(Call.local("sub_a"), Call.local("sub_b"), Call.local("sub_a"),
                Alu64.MOV.imm(R0, 2), Jmp.exit()));
        ob.subprogram("sub_a", 0, Code.of(Call.local("sub_b"), Jmp.exit()));
        ob.subprogram("sub_b", 0, Code.of(Alu64.MOV.imm(R0, 1), Jmp.exit()));
        return ob.build();
    }
}
