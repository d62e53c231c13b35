package dev.p4ebpf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code p4ebpf compile}: outputs, backend options and their usage errors. */
class CompileCommandTest {
    private static final String TERNARY = """
            #include <core.p4>
            #include <ebpf_model.p4>
            header h_t { bit<32> a; }
            struct headers { h_t h; }
            parser P(packet_in p, out headers hd) {
                state start { p.extract(hd.h); transition accept; }
            }
            control C(inout headers hd, out bool pass) {
                action set(bool v) { pass = v; }
                table t { key = { hd.h.a : ternary; } actions = { set; } default_action = set(false); }
                apply { pass = false; t.apply(); }
            }
            ebpfFilter(P(), C()) main;
            """;

    @TempDir
    Path dir;

    @Test
    void maxTernaryMasksSizesTheMasksOfTernaryTables() throws IOException {
        Path p4 = Files.writeString(dir.resolve("t.p4"), TERNARY);
        var r = CheckCommandTest.run("compile", "--max-ternary-masks", "5", p4.toString(), "-o", dir.resolve("t.o").toString());
        assertEquals(0, r.status(), r.err());
        JsonNode table = new ObjectMapper().readTree(dir.resolve("t.json").toFile()).get("tables").get(0);
        assertEquals(5, table.get("maps").get("maxMasks").asInt(), table::toString);
        assertTrue(Files.size(dir.resolve("t.o")) > 0);
    }

    @Test
    void maxTernaryMasksOutOfRangeIsAUsageError() throws IOException {
        Path p4 = Files.writeString(dir.resolve("t.p4"), TERNARY);
        for (String bad : new String[] {"0", "257", "many"}) {
            var r = CheckCommandTest.run("compile", "--max-ternary-masks", bad, p4.toString(), "-o", dir.resolve("t.o").toString());
            assertEquals(2, r.status(), bad);
            assertTrue(r.err().contains("--max-ternary-masks " + bad + ": expected a number from 1 to 256"), r.err());
            assertTrue(Files.notExists(dir.resolve("t.o")), "nothing written on a usage error");
        }
    }
}
