package dev.p4ebpf.driver.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.pin.Bpffs;
import dev.p4ebpf.driver.prog.TestRun;
import dev.p4ebpf.driver.sys.Native;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.driver.testutil.KernelFeatures;
import dev.p4ebpf.driver.testutil.Leaks;
import dev.p4ebpf.driver.testutil.TestObjects;
import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.MapType;
import dev.p4ebpf.ebpf.object.Pinning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Map pinning and reuse across loads, and undo of a failed load. Needs root and Linux 5.10. */
class ObjectLoaderKernelTest {
    private Path bpffs;

    @BeforeEach
    void mount() throws Exception {
        KernelFeatures.requireRootAndKernel(5, 10, "loading objects with pinned maps");
        bpffs = Files.createTempDirectory("p4ebpf-loader");
        Bpffs.ensureMounted(bpffs);
    }

    @AfterEach
    void unmount() throws Exception {
        if (bpffs != null) {
            Native.umount2(bpffs.toString(), Uapi.MNT_DETACH);
            Files.delete(bpffs);
        }
    }

    @Test
    void pinnedByNameMapsAreSharedBetweenLoads_kernel_5_10() {
        MapSpec pinned = MapSpec.of("hits", MapType.ARRAY, 1, 0, 4, 0, 8).withPinning(Pinning.BY_NAME);
        LoadOptions options = new LoadOptions(Optional.of(bpffs), false, 0);
        try (LoadedObject a = ObjectLoader.load(TestObjects.counting("xdp", "a", Uapi.XDP_PASS, pinned), "a.o", options);
                LoadedObject b = ObjectLoader.load(TestObjects.counting("xdp", "b", Uapi.XDP_DROP, pinned), "b.o",
                        options)) {
            assertTrue(Files.exists(bpffs.resolve("hits")));
            assertEquals(a.map("hits").info().id(), b.map("hits").info().id());
            TestRun.run(a.program(Optional.empty()), new byte[64], 2);
            TestRun.run(b.program(Optional.empty()), new byte[64], 3);
            byte[] v = b.map("hits").lookup(new byte[4]).orElseThrow();
            assertEquals(5, v[0], "both programs count into the one shared map");
        }
    }

    @Test
    void reuseRefusesAPinOfAnotherShape_kernel_5_10() {
        Set<String> fds = Leaks.bpfFds();
        MapSpec small = MapSpec.of("hits", MapType.ARRAY, 1, 0, 4, 0, 8).withPinning(Pinning.BY_NAME);
        MapSpec big = MapSpec.of("hits", MapType.ARRAY, 4, 0, 4, 0, 8).withPinning(Pinning.BY_NAME);
        LoadOptions options = new LoadOptions(Optional.of(bpffs), true, 0);
        try (LoadedObject a = ObjectLoader.load(TestObjects.counting("xdp", "a", Uapi.XDP_PASS, small), "a.o", options)) {
            var e = assertThrows(DriverException.class, () -> ObjectLoader.load(
                    TestObjects.counting("xdp", "b", Uapi.XDP_PASS, big), "b.o", options));
            assertEquals(Kind.PIN_EXISTS, e.kind());
            assertTrue(e.getMessage().contains("does not match map hits of b.o"), e.getMessage());
            assertNotEquals(0, a.map("hits").info().id());
        }
        assertEquals(fds, Leaks.bpfFds());
    }

    @Test
    void aRejectedProgramRemovesThePinsTheLoadMade_kernel_5_10() {
        Set<String> fds = Leaks.bpfFds();
        LoadOptions options = new LoadOptions(Optional.of(bpffs), false, 0);
        MapSpec pinned = MapSpec.of("hits", MapType.ARRAY, 1, 0, 4, 0, 8).withPinning(Pinning.BY_NAME);
        var object = TestObjects.rejectedWith(pinned);
        assertThrows(DriverException.class, () -> ObjectLoader.load(object, "bad.o", options));
        assertFalse(Files.exists(bpffs.resolve("hits")), "the pin made by the failed load was removed");
        assertEquals(fds, Leaks.bpfFds());
    }
}
