package dev.p4ebpf.ebpf.controlplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlPlaneJsonTest {
    private static String example() throws IOException {
        try (InputStream in = ControlPlaneJsonTest.class.getResourceAsStream("example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheExampleAndWritesItBackByteForByte() throws Exception {
        ControlPlane cp = ControlPlaneJson.parse(example(), "example.json");
        assertEquals(3, cp.tables().size());
        assertTrue(cp.tables().get(1).maps() instanceof TableMaps.Lpm);
        assertEquals(MatchKind.RANGE, cp.table("acl").orElseThrow().keys().get(1).match());
        assertEquals(Counter.Kind.PACKETS_AND_BYTES, cp.counter("pkts").orElseThrow().kind());
        assertEquals(example(), ControlPlaneJson.write(cp));
        assertEquals(cp, ControlPlaneJson.parse(ControlPlaneJson.write(cp), "again"));
    }

    private static List<String> problems(String json) {
        ControlPlaneException e = assertThrows(ControlPlaneException.class, () -> ControlPlaneJson.parse(json, "t.json"));
        return e.problems().stream().map(Object::toString).toList();
    }

    @Test
    void wrongTypeIsReportedWithItsPath() throws Exception {
        List<String> p = problems(example().replace("\"bitWidth\" : 48", "\"bitWidth\" : \"wide\""));
        assertEquals(1, p.size());
        assertTrue(p.getFirst().startsWith("$.tables[0].keys[0].bitWidth: "), p.getFirst());
    }

    @Test
    void unknownFieldIsAnError() throws Exception {
        List<String> p = problems(example().replace("\"size\" : 1024,", "\"size\" : 1024, \"colour\" : 1,"));
        assertTrue(p.getFirst().startsWith("$.tables[0].colour: "), p.getFirst());
    }

    @Test
    void semanticProblemsAreAllReportedWithPaths() throws Exception {
        String bad = example()
                .replace("\"format\" : 1", "\"format\" : 2")
                .replace("\"byteOffset\" : 10,", "\"byteOffset\" : 11,")
                .replace("\"action\" : \"NoAction\"", "\"action\" : \"missing\"")
                .replace("\"map\" : \"mac\"", "\"map\" : \"a_very_long_map_name\"");
        List<String> p = problems(bad);
        assertEquals(List.of(
                "$.format: is 2, but this p4ebpf reads format 1; compile the program again with this p4ebpf",
                "$.tables[0].maps.map: map name 'a_very_long_map_name' is longer than 15 bytes, the kernel's limit",
                "$.tables[1].actions[0].params[1].byteOffset: bytes [11, 13) lie outside the 12-byte value",
                "$.tables[1].defaultAction.action: 'missing' is not one of the table's actions"), p);
    }

    @Test
    void lpmFieldMustBeLastAndBigEndian() throws Exception {
        String bad = example().replace("""
                "match" : "lpm",
                      "byteOffset" : 4,
                      "byteSize" : 4,
                      "byteOrder" : "big\"""".replace("\n                ", "\n"), """
                "match" : "lpm",
                      "byteOffset" : 4,
                      "byteSize" : 4,
                      "byteOrder" : "little\"""".replace("\n                ", "\n"));
        assertEquals(List.of("$.tables[1].keys[0].byteOrder: LPM trie data is in network order: must be big"),
                problems(bad));
    }

    @Test
    void overlappingKeyFieldsAreRefused() throws Exception {
        String bad = example().replace("\"byteOffset\" : 4,\n      \"byteSize\" : 2,", "\"byteOffset\" : 2,\n      \"byteSize\" : 2,");
        assertEquals(List.of("$.tables[2].keys[1].byteOffset: bytes [2, 4) overlap another field"), problems(bad));
    }

    @Test
    void notJsonAtAllSaysWhere() {
        List<String> p = problems("{ \"format\" : 1, ");
        assertTrue(p.getFirst().startsWith("$ (line 1, column"), p.getFirst());
    }
}
