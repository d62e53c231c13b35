package dev.p4ebpf.driver.testutil;

import static dev.p4ebpf.ebpf.insn.Reg.FP;
import static dev.p4ebpf.ebpf.insn.Reg.R0;
import static dev.p4ebpf.ebpf.insn.Reg.R1;
import static dev.p4ebpf.ebpf.insn.Reg.R2;

import dev.p4ebpf.ebpf.insn.Alu64;
import dev.p4ebpf.ebpf.insn.AtomicOp;
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

/** Small BPF objects built with ebpf-backend's DSL, as the backend will build them, for driver tests. */
public final class TestObjects {
    private TestObjects() {}

    public static final String P4_FILE = "fault.p4";
    private static final List<String> P4 = List.of(
            "#include <xdp_model.p4>",
            "control ingress(inout headers hdr, out bool drop) {",
            "    counter(1, CounterType.packets) hits;",
            "    apply {",
            "        hits.count(0);",
            "        drop = false;",
            "        hdr.ipv4.ttl = hdr.ipv4.ttl - 1;",
            "    }",
            "}");

    private static Optional<String> source(Span s) {
        return s.file().equals(P4_FILE) && s.line() >= 1 && s.line() <= P4.size() ? Optional.of(P4.get(s.line() - 1))
                : Optional.empty();
    }

    private static Span line(int n) {
        return Span.at(P4_FILE, n, 9);
    }

    /** An XDP program (section {@code section}) that counts into array map {@code hits} and returns {@code verdict}. */
    public static BpfObject counting(String section, String name, int verdict) {
        return counting(section, name, verdict, MapSpec.of("hits", MapType.ARRAY, 1, 0, 4, 0, 8));
    }

    /** Like {@link #counting(String, String, int)} with the given spec for map {@code hits}. */
    public static BpfObject counting(String section, String name, int verdict, MapSpec hits) {
        ObjectBuilder ob = new ObjectBuilder("GPL", TestObjects::source);
        ob.map(hits);
        Label done = Label.of("done");
        Code code = Code.builder()
                .emit(Mem.st(Size.W, FP, -4, 0).withSpan(line(5)))
                .emit(Alu64.MOV.reg(R2, FP).withSpan(line(5)))
                .emit(Alu64.ADD.imm(R2, -4).withSpan(line(5)))
                .emit(LdImm64.map(R1, "hits").withSpan(line(5)))
                .emit(Call.helper(Helper.MAP_LOOKUP_ELEM).withSpan(line(5)))
                .emit(Jmp.JEQ.imm(R0, 0, done).withSpan(line(5)))
                .emit(Alu64.MOV.imm(R1, 1).withSpan(line(5)))
                .emit(Mem.atomic(Size.DW, AtomicOp.ADD, R0, 0, R1).withSpan(line(5)))
                .bind(done)
                .emit(Alu64.MOV.imm(R0, verdict).withSpan(line(6)))
                .emit(Jmp.exit().withSpan(line(6)))
                .build();
        ob.program(section, name, code);
        return ob.build();
    }

    /** An XDP program the verifier rejects: line 7 of the P4 source reads the uninitialised r2. */
    public static BpfObject rejected() {
        return rejectedWith(null);
    }

    /** {@link #rejected()}, with the object also declaring {@code map} (when not null). */
    public static BpfObject rejectedWith(MapSpec map) {
        ObjectBuilder ob = new ObjectBuilder("GPL", TestObjects::source);
        if (map != null) {
            ob.map(map);
        }
        Code code = Code.builder()
                .emit(Alu64.MOV.imm(R0, 2).withSpan(line(6)))
                .emit(Mem.ldx(Size.B, R0, R2, 22).withSpan(line(7)))
                .emit(Jmp.exit().withSpan(line(8)))
                .build();
        ob.program("xdp", "bad_ttl", code);
        return ob.build();
    }
}
