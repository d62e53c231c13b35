package dev.p4ebpf.conformance.vm;

import static dev.p4ebpf.conformance.vm.Packets.le32;
import static dev.p4ebpf.conformance.vm.Packets.le64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.MapType;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The maps' kernel semantics from the test side: update flags, errno codes, limits, LRU and LPM behaviour. */
class MapSemanticsTest {
    private static VmMap map(MapType type, int key, int value, int max, int flags) throws VmException {
        return VmMap.create(MapSpec.of("m", type, max, 0, key, 0, value).withFlags(flags), new Addresses());
    }

    private static int rc(VmMap m, byte[] k, byte[] v, long flags) {
        return m.updateElem(k, v, flags);
    }

    @Test
    void hashUpdateFlagsAndCapacity() throws Exception {
        VmMap h = map(MapType.HASH, 4, 8, 2, 0);
        assertEquals(-Errno.ENOENT, rc(h, le32(1), le64(1), VmMap.BPF_EXIST));
        assertEquals(0, rc(h, le32(1), le64(1), VmMap.BPF_NOEXIST));
        assertEquals(-Errno.EEXIST, rc(h, le32(1), le64(2), VmMap.BPF_NOEXIST));
        assertEquals(0, rc(h, le32(2), le64(2), VmMap.BPF_ANY));
        assertEquals(-Errno.E2BIG, rc(h, le32(3), le64(3), VmMap.BPF_ANY));
        assertEquals(0, rc(h, le32(2), le64(9), VmMap.BPF_EXIST));
        assertEquals(-Errno.EINVAL, rc(h, le32(2), le64(9), 4));
        assertArrayEquals(le64(9), h.lookup(le32(2)).orElseThrow());
        assertTrue(h.delete(le32(1)));
        assertFalse(h.delete(le32(1)));
        assertEquals(1, h.keys().size());
    }

    @Test
    void arrayElementsAlwaysExist() throws Exception {
        VmMap a = map(MapType.ARRAY, 4, 8, 3, 0);
        assertArrayEquals(new byte[8], a.lookup(le32(2)).orElseThrow());
        assertTrue(a.lookup(le32(3)).isEmpty());
        assertEquals(-Errno.EEXIST, rc(a, le32(0), le64(1), VmMap.BPF_NOEXIST));
        assertEquals(-Errno.E2BIG, rc(a, le32(3), le64(1), VmMap.BPF_ANY));
        assertEquals(-Errno.EINVAL, a.deleteElem(le32(0)));
        assertEquals(3, a.keys().size());
    }

    @Test
    void lruEvictsTheLeastRecentlyUsed() throws Exception {
        VmMap l = map(MapType.LRU_HASH, 4, 8, 2, 0);
        l.update(le32(1), le64(1), VmMap.BPF_ANY);
        l.update(le32(2), le64(2), VmMap.BPF_ANY);
        l.lookupRegion(le32(1));
        l.update(le32(3), le64(3), VmMap.BPF_ANY);
        assertTrue(l.lookup(le32(2)).isEmpty(), "2 was used least recently");
        assertTrue(l.lookup(le32(1)).isPresent());
        assertTrue(l.lookup(le32(3)).isPresent());
    }

    private static byte[] lpmKey(int prefix, int a, int b, int c, int d) {
        return new byte[] {(byte) prefix, 0, 0, 0, (byte) a, (byte) b, (byte) c, (byte) d};
    }

    @Test
    void lpmFindsTheLongestPrefix() throws Exception {
        VmMap t = map(MapType.LPM_TRIE, 8, 4, 3, 1);
        t.update(lpmKey(8, 198, 0, 0, 0), le32(8), VmMap.BPF_ANY);
        t.update(lpmKey(24, 198, 51, 100, 0), le32(24), VmMap.BPF_ANY);
        t.update(lpmKey(0, 0, 0, 0, 0), le32(0), VmMap.BPF_ANY);
        assertArrayEquals(le32(24), t.lookup(lpmKey(32, 198, 51, 100, 9)).orElseThrow());
        assertArrayEquals(le32(8), t.lookup(lpmKey(32, 198, 51, 101, 9)).orElseThrow());
        assertArrayEquals(le32(8), t.lookup(lpmKey(16, 198, 51, 100, 9)).orElseThrow());
        assertArrayEquals(le32(0), t.lookup(lpmKey(32, 203, 0, 113, 1)).orElseThrow());
        assertTrue(t.lookup(lpmKey(33, 198, 51, 100, 9)).isEmpty(), "a prefix length above 32 matches nothing");
        assertEquals(-Errno.ENOSPC, rc(t, lpmKey(16, 10, 1, 0, 0), le32(1), VmMap.BPF_ANY));
        assertEquals(-Errno.EEXIST, rc(t, lpmKey(24, 198, 51, 100, 77), le32(1), VmMap.BPF_NOEXIST));
        assertEquals(-Errno.EINVAL, rc(t, lpmKey(33, 198, 51, 100, 77), le32(1), VmMap.BPF_ANY));
        assertTrue(t.delete(lpmKey(24, 198, 51, 100, 0)));
        assertArrayEquals(le32(8), t.lookup(lpmKey(32, 198, 51, 100, 9)).orElseThrow());
    }

    @Test
    void lpmWithoutNoPreallocIsRefusedAsTheKernelRefusesIt() {
        VmException e = org.junit.jupiter.api.Assertions.assertThrows(VmException.class,
                () -> map(MapType.LPM_TRIE, 8, 4, 3, 0));
        assertEquals(VmFault.INVALID_SETUP, e.fault());
    }

    @Test
    void userUpdatesReportTheErrno() throws Exception {
        VmMap h = map(MapType.HASH, 4, 8, 1, 0);
        h.update(le32(1), le64(1), VmMap.BPF_ANY);
        VmException e = org.junit.jupiter.api.Assertions.assertThrows(VmException.class,
                () -> h.update(le32(2), le64(1), VmMap.BPF_ANY));
        assertEquals(VmFault.MAP_OPERATION, e.fault());
        assertTrue(e.getMessage().contains("E2BIG"), e.getMessage());
        assertEquals("0100000000000000", HexFormat.of().formatHex(h.lookup(le32(1)).orElseThrow()));
    }

    @Test
    void ringBufferRefusesWhatDoesNotFit() throws Exception {
        RingBuffer r = (RingBuffer) VmMap.create(MapSpec.of("rb", MapType.RINGBUF, 4096, 0, 0, 0, 0), new Addresses());
        int n = 0;
        while (r.reserve(100)) {
            r.commit(new byte[100]);
            n++;
        }
        assertEquals(4096 / RingBuffer.footprint(100), n);
        r.drain();
        assertTrue(r.reserve(100));
    }
}
