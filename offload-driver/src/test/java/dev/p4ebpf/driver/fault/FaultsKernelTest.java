package dev.p4ebpf.driver.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.VerifierException;
import dev.p4ebpf.driver.deploy.Deployment;
import dev.p4ebpf.driver.deploy.Registry;
import dev.p4ebpf.driver.link.AttachMode;
import dev.p4ebpf.driver.link.Attacher;
import dev.p4ebpf.driver.link.Mechanism;
import dev.p4ebpf.driver.link.Target;
import dev.p4ebpf.driver.load.LoadOptions;
import dev.p4ebpf.driver.load.LoadedObject;
import dev.p4ebpf.driver.load.ObjectLoader;
import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.map.MapAttributes;
import dev.p4ebpf.driver.netlink.NetlinkSocket;
import dev.p4ebpf.driver.netlink.Rtnl;
import dev.p4ebpf.driver.netns.NetnsExecutor;
import dev.p4ebpf.driver.pin.Bpffs;
import dev.p4ebpf.driver.prog.BpfProgram;
import dev.p4ebpf.driver.prog.ProgramAttributes;
import dev.p4ebpf.driver.sys.Native;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.driver.testutil.Bpftool;
import dev.p4ebpf.driver.testutil.Capabilities;
import dev.p4ebpf.driver.testutil.Insns;
import dev.p4ebpf.driver.testutil.KernelFeatures;
import dev.p4ebpf.driver.testutil.Leaks;
import dev.p4ebpf.driver.testutil.TestNetwork;
import dev.p4ebpf.driver.testutil.TestObjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provokes each failure a user can meet (issue 4, point 6) and checks the message and that nothing
 * was left behind: no BPF descriptor of this process (/proc/self/fd), no new BPF link or program
 * (bpftool), no XDP program or tc filter on the interface, no pin. Needs root and Linux 6.6.
 */
class FaultsKernelTest {
    private static TestNetwork net;
    private Set<String> fds;
    private Set<Integer> links;
    private Set<Integer> progs;

    @BeforeAll
    static void network() {
        KernelFeatures.requireRootAndKernel(6, 6, "fault handling of load/attach/pin");
        net = TestNetwork.create();
    }

    @AfterAll
    static void removeNetwork() {
        if (net != null) {
            net.close();
        }
    }

    @BeforeEach
    void snapshot() {
        fds = Leaks.bpfFds();
        links = Bpftool.linkIds();
        progs = Bpftool.progIds();
    }

    @AfterEach
    void nothingLeftBehind() {
        assertEquals(fds, Leaks.bpfFds(), "descriptors left open");
        assertEquals(links, Bpftool.linkIds(), "BPF links left behind");
        assertTrue(Bpftool.eventually(() -> progs.containsAll(Bpftool.progIds())), "programs left loaded");
        net.ns().run(() -> {
            try (NetlinkSocket s = NetlinkSocket.openRoute()) {
                for (var link : new Rtnl(s).links()) {
                    assertFalse(link.xdp().any(), "XDP left on " + link.name());
                }
            }
        });
    }

    @Test
    void withoutCapabilitiesEveryStepSaysWhatIsMissing_kernel_6_6() throws Exception {
        Target p4b = net.target("p4b");
        try (BpfProgram prog = BpfProgram.load(ProgramAttributes.of("pass", Uapi.BPF_PROG_TYPE_XDP,
                Insns.returning(Uapi.XDP_PASS)));
                NetnsExecutor unprivileged = NetnsExecutor.enter(Path.of("/run/netns", net.name()))) {
            unprivileged.call(() -> {
                Capabilities.dropEffective();
                return null;
            });
            var map = assertThrows(DriverException.class, () -> unprivileged.call(() -> BpfMap.create(
                    MapAttributes.of("m", Uapi.BPF_MAP_TYPE_HASH, 4, 4, 4, 0))));
            assertEquals(Kind.PERMISSION, map.kind());
            assertTrue(map.getMessage().contains("EPERM") && map.getMessage().contains("CAP_BPF"), map.getMessage());
            var load = assertThrows(DriverException.class, () -> unprivileged.call(() -> BpfProgram.load(
                    ProgramAttributes.of("pass", Uapi.BPF_PROG_TYPE_XDP, Insns.returning(Uapi.XDP_PASS)))));
            assertEquals(Kind.PERMISSION, load.kind(), load.getMessage());
            var attach = assertThrows(DriverException.class, () -> unprivileged.call(() -> Attacher.attach(prog, p4b,
                    AttachMode.XDP_GENERIC, Mechanism.NETLINK)));
            assertEquals(Kind.PERMISSION, attach.kind(), attach.getMessage());
            assertTrue(attach.getMessage().contains("run p4ebpf as root"), attach.getMessage());
        }
    }

    @Test
    void noSuchInterfaceNamesTheOnesThatExist_kernel_6_6() {
        var e = assertThrows(DriverException.class, () -> net.ns().call(() -> Attacher.target("eth9")));
        assertEquals(Kind.NO_SUCH_INTERFACE, e.kind());
        assertTrue(e.getMessage().startsWith("There is no network interface eth9 in this network namespace"
                + " (interfaces here: lo, p4a, p4b, p4c, p4d)."), e.getMessage());
    }

    @Test
    void verifierRejectionNamesTheInstructionAndTheP4Line_kernel_6_6() {
        var e = assertThrows(VerifierException.class,
                () -> ObjectLoader.load(TestObjects.rejected(), "fault.o", LoadOptions.DEFAULT));
        assertEquals(Kind.VERIFIER_REJECTED, e.kind());
        assertEquals(1, e.failingInstruction().orElseThrow());
        assertTrue(e.getMessage().contains("R2 !read_ok"), e.getMessage());
        assertTrue(e.getMessage().contains("It stopped at instruction 1 (r0 = *(u8 *)(r2 +22)), which comes from"
                + " fault.p4:7:9: hdr.ipv4.ttl = hdr.ipv4.ttl - 1;"), e.getMessage());
        assertFalse(e.lastLines().isEmpty());
    }

    @Test
    void fullMapSaysHowBigItIs_kernel_6_6() {
        try (BpfMap map = BpfMap.create(MapAttributes.of("tiny", Uapi.BPF_MAP_TYPE_HASH, 4, 4, 1, 0))) {
            map.update(new byte[4], new byte[4], Uapi.BPF_ANY);
            var e = assertThrows(DriverException.class, () -> map.update(new byte[] {1, 0, 0, 0}, new byte[4],
                    Uapi.BPF_ANY));
            assertEquals(Kind.MAP_FULL, e.kind());
            assertTrue(e.getMessage().contains("holds at most 1 entries"), e.getMessage());
            assertEquals(1, map.keys().size());
        }
    }

    @Test
    void offloadToANicWithoutItSaysSoPlainly_kernel_6_6() {
        Target p4b = net.target("p4b");
        var e = assertThrows(DriverException.class, () -> ObjectLoader.load(
                TestObjects.counting("xdp", "count", Uapi.XDP_PASS), "count.o", LoadOptions.DEFAULT.withOffload(
                        p4b.ifindex())));
        assertEquals(Kind.MODE_UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("Use --mode xdp") || e.getMessage().contains("software mode"), e.getMessage());
        Target lo = net.target("lo");
        try (LoadedObject o = ObjectLoader.load(TestObjects.counting("xdp", "count", Uapi.XDP_PASS), "count.o",
                LoadOptions.DEFAULT)) {
            var native_ = assertThrows(DriverException.class, () -> net.ns().call(() -> Attacher.attach(
                    o.program(Optional.empty()), lo, AttachMode.XDP, Mechanism.NETLINK)));
            assertEquals(Kind.MODE_UNSUPPORTED, native_.kind(), native_.getMessage());
            assertTrue(native_.getMessage().contains("does not support mode xdp"), native_.getMessage());
        }
    }

    @Test
    void aSecondLoadOnTheSameHookFindsThePinAndChangesNothing_kernel_6_6() throws Exception {
        Path mount = Files.createTempDirectory("p4ebpf-bpffs");
        Bpffs.ensureMounted(mount);
        Path root = mount.resolve("p4ebpf");
        Registry registry = new Registry(root);
        Target p4b = net.target("p4b");
        try (LoadedObject first = ObjectLoader.load(TestObjects.counting("xdp", "first", Uapi.XDP_PASS), "a.o",
                LoadOptions.DEFAULT); LoadedObject second = ObjectLoader.load(TestObjects.counting("xdp", "second",
                        Uapi.XDP_DROP), "b.o", LoadOptions.DEFAULT)) {
            Deployment d = net.ns().call(() -> registry.deploy(first, first.program(Optional.empty()), p4b,
                    AttachMode.XDP_GENERIC, Mechanism.BPF_LINK));
            var e = assertThrows(DriverException.class, () -> net.ns().call(() -> registry.deploy(second,
                    second.program(Optional.empty()), p4b, AttachMode.XDP_GENERIC, Mechanism.BPF_LINK)));
            assertEquals(Kind.PIN_EXISTS, e.kind());
            assertTrue(e.getMessage().contains("Unload it first"), e.getMessage());
            int running = net.ns().call(() -> {
                try (NetlinkSocket s = NetlinkSocket.openRoute()) {
                    return new Rtnl(s).link(p4b.ifindex()).xdp().genericProgId();
                }
            });
            assertEquals(first.program(Optional.empty()).id(), running);
            var pinTwice = assertThrows(DriverException.class, () -> first.maps().get("hits").pin(d.mapsDir()
                    .resolve("hits")));
            assertEquals(Kind.PIN_EXISTS, pinTwice.kind());
            net.ns().run(() -> registry.unload("p4b", AttachMode.XDP_GENERIC));
            assertEquals(java.util.List.of(), registry.list());
        } finally {
            Native.umount2(mount.toString(), Uapi.MNT_DETACH);
            Files.delete(mount);
        }
    }

    @Test
    void noBpfFileSystemForPins_kernel_6_6() throws Exception {
        Path notBpffs = Files.createTempDirectory("p4ebpf-not-bpffs");
        Target p4b = net.target("p4b");
        try (LoadedObject o = ObjectLoader.load(TestObjects.counting("xdp", "count", Uapi.XDP_PASS), "c.o",
                LoadOptions.DEFAULT)) {
            Registry registry = new Registry(notBpffs.resolve("p4ebpf"));
            var e = assertThrows(DriverException.class, () -> net.ns().call(() -> registry.deploy(o,
                    o.program(Optional.empty()), p4b, AttachMode.XDP_GENERIC, Mechanism.BPF_LINK)));
            assertEquals(Kind.BPFFS_MISSING, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("is not on a bpf file system"), e.getMessage());
            assertFalse(Files.exists(notBpffs.resolve("p4ebpf")));
            Bpffs.ensureMounted(notBpffs);
            try {
                assertTrue(Bpffs.isBpffs(notBpffs), "ensureMounted mounts a bpf file system where there is none");
            } finally {
                Native.umount2(notBpffs.toString(), Uapi.MNT_DETACH);
            }
        } finally {
            Files.delete(notBpffs);
        }
    }
}
