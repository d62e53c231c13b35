package dev.p4ebpf.ebpf.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.FuncSpec;
import dev.p4ebpf.ebpf.object.ProgramSpec;
import dev.p4ebpf.ebpf.testutil.ClangObjects;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Objects from the DSL: deterministic bytes, read back equal, accepted by the LLVM tools. */
class WriterTest {
    @TempDir
    Path tmp;

    @Test
    void sameObjectGivesByteIdenticalFiles() throws Exception {
        assertArrayEquals(ElfWriter.write(DslObjects.xdpFilter()), ElfWriter.write(DslObjects.xdpFilter()));
        assertArrayEquals(ElfWriter.write(DslObjects.tcWithSubprogram()), ElfWriter.write(DslObjects.tcWithSubprogram()));
        Path a = tmp.resolve("a.o");
        Path b = tmp.resolve("b.o");
        ElfWriter.write(DslObjects.xdpFilter(), a);
        ElfWriter.write(DslObjects.xdpFilter(), b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void writtenObjectsReadBackEqual() throws Exception {
        for (BpfObject obj : new BpfObject[] {DslObjects.xdpFilter(), DslObjects.tcWithSubprogram(),
                DslObjects.callChain()}) {
            byte[] bytes = ElfWriter.write(obj);
            BpfObject back = ElfReader.read("dsl.o", bytes);
            assertEquals(withOffsets(obj), back);
            assertArrayEquals(bytes, ElfWriter.write(back));
        }
    }

    /** The object with labels resolved to offsets, as reading it back gives it. */
    static BpfObject withOffsets(BpfObject o) {
        java.util.function.UnaryOperator<FuncSpec> f = fn -> new FuncSpec(fn.name(), fn.code().withOffsets(),
                fn.btfFunc(), fn.lines());
        return new BpfObject(o.license(), o.programs().stream().map(p -> new ProgramSpec(p.section(), p.type(),
                p.attachType(), p.progFlags(), f.apply(p.body()))).toList(), o.subprograms().stream().map(f).toList(),
                o.maps(), o.btf());
    }

    @Test
    void llvmToolsAcceptOurObjectsAndDisassembleThemAsWeDo() throws Exception {
        Path xdp = tmp.resolve("xdp_filter.o");
        Path tc = tmp.resolve("tc_len.o");
        Path chain = tmp.resolve("chain.o");
        ElfWriter.write(DslObjects.xdpFilter(), xdp);
        ElfWriter.write(DslObjects.tcWithSubprogram(), tc);
        ElfWriter.write(DslObjects.callChain(), chain);
        for (Path p : new Path[] {xdp, tc, chain}) {
            String readelf = ClangObjects.readelf(p);
            assertTrue(readelf.contains("BPF"), readelf);
            ClangInteropTest.assertOurDisassemblyIsLlvms(p);
        }
    }
}
