package dev.p4ebpf.ebpf.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.btf.BtfType;
import dev.p4ebpf.ebpf.insn.Alu64;
import dev.p4ebpf.ebpf.insn.Call;
import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.Decoder;
import dev.p4ebpf.ebpf.insn.Disassembler;
import dev.p4ebpf.ebpf.insn.Insn;
import dev.p4ebpf.ebpf.insn.Jmp;
import dev.p4ebpf.ebpf.insn.LdImm64;
import dev.p4ebpf.ebpf.insn.Offset;
import dev.p4ebpf.ebpf.insn.Reg;
import dev.p4ebpf.ebpf.insn.Reloc;
import dev.p4ebpf.ebpf.testutil.Golden;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What a loader gets: one program with its subprograms, relocation slots and kernel BTF records. */
class LinkerTest {
    /** main calls a (twice) and b; a calls b: b must be appended once, calls resolved. */
    static BpfObject chain() {
        ObjectBuilder ob = new ObjectBuilder("GPL", s -> java.util.Optional.empty());
        ob.program("xdp", "main", Code.of(Call.local("a"), Call.local("b"), Call.local("a"), Alu64.MOV.imm(Reg.R0, 2),
                Jmp.exit()));
        ob.subprogram("a", 0, Code.of(Call.local("b"), Jmp.exit()));
        ob.subprogram("b", 0, Code.of(Alu64.MOV.imm(Reg.R0, 1), Jmp.exit()));
        return ob.build();
    }

    @Test
    void reachableSubprogramsAreAppendedOnceAndCallsResolved() throws Exception {
        LinkedProgram lp = Linker.link(chain(), "main");
        assertEquals(List.of(new LinkedProgram.Placed("main", 0), new LinkedProgram.Placed("a", 5),
                new LinkedProgram.Placed("b", 7)), lp.functions());
        assertEquals(9, lp.insnCount());
        List<Insn> insns = Decoder.decode(lp.insns()).insns();
        assertEquals(new Insn.CallLocal(new Offset(4), insns.get(0).meta()), insns.get(0));
        assertEquals(new Insn.CallLocal(new Offset(5), insns.get(1).meta()), insns.get(1));
        assertEquals(new Insn.CallLocal(new Offset(1), insns.get(5).meta()), insns.get(5), "a calls b");
        assertEquals(3, lp.funcInfoCount());
        ByteBuffer fi = ByteBuffer.wrap(lp.funcInfo()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(5, fi.getInt(8));
        assertEquals(7, fi.getInt(16));
        assertTrue(chain().btf().type(fi.getInt(4)) instanceof BtfType.Func f && f.name().equals("main"));
        assertEquals(0, lp.lineInfoCount(), "no spans, no line info");
        Golden.check("dev/p4ebpf/ebpf/object/linked-main.disasm", Disassembler.plain()
                .withSymbols(new TreeMap<>(java.util.Map.of(0, "main", 5, "a", 7, "b"))).print(lp.insns(), insns));
    }

    @Test
    void mapSlotsArePatchedWithFds() throws Exception {
        ObjectBuilder ob = new ObjectBuilder("Dual BSD/GPL", s -> java.util.Optional.empty());
        int u32 = ob.btf().integer("unsigned int", 4, false);
        ob.map(MapSpec.of("m", MapType.ARRAY, 1, u32, 4, u32, 4));
        ob.program("tc", "p", Code.of(Alu64.MOV.imm(Reg.R0, 0), LdImm64.map(Reg.R1, "m"), Jmp.exit()));
        LinkedProgram lp = Linker.link(ob.build(), "p");
        assertEquals(List.of(new Reloc(1, Reloc.Kind.MAP, "m")), lp.relocs());
        assertEquals("Dual BSD/GPL", lp.license());
        List<Insn> loaded = Decoder.decode(lp.withMapFds(name -> 42)).insns();
        assertEquals(LdImm64.mapFd(Reg.R1, 42), loaded.get(1));
        assertEquals(ProgramType.SCHED_CLS, lp.spec().type());
    }

    @Test
    void builderChecksMapSizesAgainstBtf() {
        ObjectBuilder ob = new ObjectBuilder("GPL", s -> java.util.Optional.empty());
        int u32 = ob.btf().integer("unsigned int", 4, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ob.map(MapSpec.of("m", MapType.HASH, 1, u32, 8, u32, 4)));
        assertTrue(e.getMessage().contains("key size 8 but its BTF type"), e.getMessage());
    }

    @Test
    void inconsistentObjectsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BpfObject("GPL",
                List.of(ProgramSpec.of("xdp", FuncSpec.of("p", Code.of(Call.local("nowhere"), LdImm64.map(Reg.R1, "m"),
                        Jmp.exit())))), List.of(), List.of(), dev.p4ebpf.ebpf.btf.Btf.EMPTY));
        assertTrue(e.getMessage().contains("calls nowhere"), e.getMessage());
        assertTrue(e.getMessage().contains("loads map m"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProgramSpec.of("kprobe/x", FuncSpec.of("p", Code.of(Jmp.exit()))));
    }

    @Test
    void sectionNamesAreTypedAsLibbpfTypesThem() {
        assertEquals(new SectionDef("xdp.frags", ProgramType.XDP, AttachType.XDP, SectionDef.XDP_HAS_FRAGS),
                SectionDef.of("xdp.frags").orElseThrow());
        assertEquals(AttachType.TCX_INGRESS, SectionDef.of("tcx/ingress").orElseThrow().attachType());
        assertEquals(AttachType.TCX_EGRESS, SectionDef.of("tc/egress").orElseThrow().attachType());
        assertEquals(AttachType.NONE, SectionDef.of("classifier").orElseThrow().attachType());
        assertEquals(ProgramType.SCHED_ACT, SectionDef.of("action").orElseThrow().type());
        assertTrue(SectionDef.of("xdp/devmap").isEmpty());
    }
}
