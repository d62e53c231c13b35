package dev.p4ebpf.ebpf.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.btf.BtfType.Member;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** libbpf's BTF map definitions, written and parsed back. */
class BtfMapsTest {
    @Test
    void definitionsRoundTripThroughBtfBytes() throws Exception {
        BtfBuilder b = new BtfBuilder();
        int u32 = b.integer("unsigned int", 4, false);
        int key = b.struct("key", 8, List.of(Member.at("a", u32, 0), Member.at("b", u32, 32)));
        MapDef hash = MapDef.of("flows", 1, 1024, key, 8, u32, 4).withFlags(1).withPinning(1);
        MapDef sized = MapDef.of("counts", 2, 4, 0, 4, 0, 8);
        MapDef inner = new MapDef("", 2, 4, 4, 1, 0, 0, 0, 0, 0, 0, Optional.empty());
        MapDef outer = new MapDef("outer", 12, 4, 4, 8, 0, 0, 0, 0, 0, 0, Optional.of(inner));
        List<BtfMaps.Placed> placed = new java.util.ArrayList<>();
        int off = 0;
        for (MapDef d : List.of(hash, sized, outer)) {
            BtfMaps.Placed p = BtfMaps.define(b, d, off);
            off += p.size();
            placed.add(p);
        }
        BtfMaps.datasec(b, placed);
        Btf btf = BtfCodec.decode(BtfCodec.encode(b.build())).btf();
        List<BtfMaps.Found> found = BtfMaps.parse(btf);
        assertEquals(3, found.size());
        assertEquals(new MapDef("flows", 1, 8, 4, 1024, 1, 1, 0, 0, key, u32, Optional.empty()), found.get(0).def());
        assertEquals(sized, found.get(1).def());
        assertEquals(new MapDef("outer", 12, 4, 4, 8, 0, 0, 0, 0, 0, 0,
                Optional.of(new MapDef("outer.inner", 2, 4, 4, 1, 0, 0, 0, 0, 0, 0, Optional.empty()))), found.get(2).def());
        assertEquals(found.get(0).size(), found.get(1).offset());
    }

    @Test
    void badDefinitionsAreNamed() {
        BtfBuilder b = new BtfBuilder();
        int i32 = b.integer("int", 4, true);
        int noType = b.struct("", 8, List.of(Member.at("max_entries", b.ptr(b.array(i32, 4)), 0)));
        assertTrue(assertThrows(BtfException.class, () -> BtfMaps.parseDef(b.build(), "m", noType)).getMessage()
                .contains("no 'type'"));
        int unknown = b.struct("", 16, List.of(Member.at("type", b.ptr(b.array(i32, 1)), 0), Member.at("colour", i32, 64)));
        assertTrue(assertThrows(BtfException.class, () -> BtfMaps.parseDef(b.build(), "m", unknown)).getMessage()
                .contains("unknown map attribute 'colour'"));
        int notPtr = b.struct("", 8, List.of(Member.at("type", i32, 0)));
        assertTrue(assertThrows(BtfException.class, () -> BtfMaps.parseDef(b.build(), "m", notPtr)).getMessage()
                .contains("__uint(type, N)"));
        int clash = b.struct("", 24, List.of(Member.at("type", b.ptr(b.array(i32, 1)), 0),
                Member.at("key", b.ptr(i32), 64), Member.at("key_size", b.ptr(b.array(i32, 8)), 128)));
        assertTrue(assertThrows(BtfException.class, () -> BtfMaps.parseDef(b.build(), "m", clash)).getMessage()
                .contains("key_size 8 contradicts the 4-byte key type"));
    }
}
