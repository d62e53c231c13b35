package dev.p4ebpf.ebpf.insn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.testutil.Golden;
import dev.p4ebpf.ebpf.testutil.ObjdumpListing;
import dev.p4ebpf.ebpf.testutil.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The encoding table: every instruction shape of {@code insn-table.s}, assembled by llvm-mc and
 * disassembled by llvm-objdump (both LLVM ≥ 18, {@code --mcpu=v4}). The golden file is the objdump
 * output itself and is regenerated with {@code -Dgolden.update=true} when LLVM is present. The test
 * decodes the bytes, prints them with our disassembler and requires llvm's exact text, then
 * requires that encoding the decoded instructions gives the same bytes.
 */
class InsnTableTest {
    private static final String DIR = "dev/p4ebpf/ebpf/insn/";
    static final String GOLDEN = DIR + "insn-table.objdump";

    @Test
    void decodedTablePrintsWhatLlvmObjdumpPrintsAndReencodesToTheSameBytes() throws Exception {
        if (Golden.updating()) {
            regenerate();
        }
        ObjdumpListing table = ObjdumpListing.parse(Golden.read(GOLDEN)).getFirst();
        byte[] bytes = table.bytes();
        assertTrue(table.lines().size() >= 170, "the table covers every instruction shape");

        Code code = Decoder.decode(bytes);
        String ours = Disassembler.plain().withSymbols(table.symbols()).print(bytes, code.insns());
        assertEquals(table.render(), ours);
        assertArrayEquals(bytes, Encoder.encode(code).bytes());
    }

    private static void regenerate() throws Exception {
        Optional<Path> mc = Tools.llvm("llvm-mc");
        Optional<Path> objdump = Tools.llvm("llvm-objdump");
        if (mc.isEmpty() || objdump.isEmpty()) {
            System.err.println("InsnTableTest: not regenerating " + GOLDEN + ": " + Tools.missingLlvm("llvm-mc/llvm-objdump"));
            return;
        }
        Path obj = Files.createTempFile("insn-table", ".o");
        try {
            Tools.Run as = Tools.run(mc.get().toString(), "-triple", "bpfel", "-mcpu=v4", "-filetype=obj",
                    Golden.resourcePath(DIR + "insn-table.s").toString(), "-o", obj.toString());
            assertTrue(as.ok(), "llvm-mc failed: " + as.both());
            Tools.Run dump = Tools.run(objdump.get().toString(), "-d", "--mcpu=v4", obj.toString());
            assertTrue(dump.ok(), "llvm-objdump failed: " + dump.both());
            Golden.write(GOLDEN, dump.out().replace(obj.toString(), "insn-table.o"));
        } finally {
            Files.deleteIfExists(obj);
        }
    }
}
