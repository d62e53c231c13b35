package dev.p4ebpf.ebpf.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.insn.Insn;
import dev.p4ebpf.ebpf.object.AttachType;
import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.FuncSpec;
import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.MapType;
import dev.p4ebpf.ebpf.object.ProgramType;
import dev.p4ebpf.ebpf.testutil.ClangObjects;
import dev.p4ebpf.ebpf.testutil.ObjdumpListing;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Objects compiled by clang from the C programs in the interop resources, read by our reader. */
class ClangInteropTest {
    @TempDir
    Path tmp;

    @Test
    void xdpProgramWithHashMapAndLpmTrie() throws Exception {
        Path o = ClangObjects.compile("xdp_maps", tmp);
        BpfObject obj = ElfReader.read(o);
        assertEquals("GPL", obj.license());
        assertEquals(1, obj.programs().size());
        var prog = obj.programs().getFirst();
        assertEquals("xdp_filter", prog.name());
        assertEquals(ProgramType.XDP, prog.type());
        assertEquals(AttachType.XDP, prog.attachType());
        assertEquals(List.of("flows", "routes"), obj.maps().stream().map(MapSpec::name).toList());
        MapSpec flows = obj.maps().get(0);
        assertEquals(MapType.HASH, flows.type());
        assertEquals(12, flows.keySize());
        assertEquals(16, flows.valueSize());
        assertEquals(1024, flows.maxEntries());
        assertEquals("flow_key", obj.btf().type(flows.btfKeyType()).name());
        MapSpec routes = obj.maps().get(1);
        assertEquals(MapType.LPM_TRIE, routes.type());
        assertEquals(1, routes.flags());
        assertEquals(8, routes.keySize());
        assertEquals(4, routes.valueSize());
        assertEquals(java.util.Set.of("flows", "routes"), prog.body().referencedMaps());
        assertTrue(prog.body().btfFunc() != 0, "clang -g gives the program a BTF FUNC");
        assertTrue(!prog.body().lines().isEmpty(), "clang -g gives line info");
        assertSameDisassembly(o);
    }

    @Test
    void tcProgramWithArrayMap() throws Exception {
        Path o = ClangObjects.compile("tc_mark", tmp);
        BpfObject obj = ElfReader.read(o);
        var prog = obj.program("tc_mark").orElseThrow();
        assertEquals(ProgramType.SCHED_CLS, prog.type());
        assertEquals(AttachType.NONE, prog.attachType());
        MapSpec counters = obj.map("counters").orElseThrow();
        assertEquals(MapType.ARRAY, counters.type());
        assertEquals(4, counters.keySize());
        assertEquals(8, counters.valueSize());
        assertEquals(4, counters.maxEntries());
        assertSameDisassembly(o);
    }

    @Test
    void subprogramCalledTwice() throws Exception {
        Path o = ClangObjects.compile("subprog", tmp);
        BpfObject obj = ElfReader.read(o);
        assertEquals(List.of("clamp"), obj.subprograms().stream().map(FuncSpec::name).toList());
        FuncSpec main = obj.program("xdp_clamp").orElseThrow().body();
        long calls = main.code().insns().stream().filter(i -> i instanceof Insn.CallLocal).count();
        assertEquals(2, calls);
        assertEquals(java.util.Set.of("clamp"), main.calledFunctions());
        assertSameDisassembly(o);
    }

    /**
     * Our disassembly of every code section is llvm-objdump's, symbol for symbol, line for line;
     * and write(read(o)) is an equivalent object: it reads back equal, llvm-readelf and llvm-objdump
     * accept it without a warning, and it disassembles the same.
     */
    static void assertSameDisassembly(Path o) throws Exception {
        assertOurDisassemblyIsLlvms(o);
        BpfObject obj = ElfReader.read(o);
        assertEquals(obj.btf(), dev.p4ebpf.ebpf.btf.BtfCodec.decode(dev.p4ebpf.ebpf.btf.BtfCodec.encode(obj.btf())).btf(),
                "clang's BTF survives our encoder");
        var enc = obj.encodeBtf();
        assertEquals(obj.btfExt(), dev.p4ebpf.ebpf.btf.BtfExtCodec.decode(enc.ext(),
                dev.p4ebpf.ebpf.btf.BtfCodec.decode(enc.btf()).strings()), "clang's func and line info survive");
        Path again = o.resolveSibling(o.getFileName() + ".rewritten.o");
        ElfWriter.write(obj, again);
        assertEquals(obj, ElfReader.read(again));
        assertArrayEquals(ElfWriter.write(obj), ClangObjects.bytes(again));
        ClangObjects.readelf(again);
        java.util.Map<String, String> before = bySection(ObjdumpListing.parse(ClangObjects.objdump(o)));
        java.util.Map<String, String> after = bySection(ObjdumpListing.parse(ClangObjects.objdump(again)));
        assertEquals(before, after);
        assertOurDisassemblyIsLlvms(again);
    }

    private static java.util.Map<String, String> bySection(List<ObjdumpListing> ls) {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        ls.forEach(l -> m.put(l.section(), l.render()));
        return m;
    }

    static void assertOurDisassemblyIsLlvms(Path o) throws Exception {
        List<ObjdumpListing> llvm = ObjdumpListing.parse(ClangObjects.objdump(o));
        List<ObjdumpListing> ours = ObjdumpListing.parse(ElfDisassembler.disassemble(o.toString(), ClangObjects.bytes(o)));
        assertEquals(llvm.stream().map(ObjdumpListing::section).toList(), ours.stream().map(ObjdumpListing::section).toList());
        for (int i = 0; i < llvm.size(); i++) {
            assertEquals(llvm.get(i).render(), ours.get(i).render(), "section " + llvm.get(i).section());
        }
        assertTrue(!llvm.isEmpty());
    }
}
