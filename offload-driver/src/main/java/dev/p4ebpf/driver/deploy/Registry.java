package dev.p4ebpf.driver.deploy;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.link.AttachMode;
import dev.p4ebpf.driver.link.Attacher;
import dev.p4ebpf.driver.link.Attachment;
import dev.p4ebpf.driver.link.BpfLink;
import dev.p4ebpf.driver.link.ClsBpf;
import dev.p4ebpf.driver.link.Mechanism;
import dev.p4ebpf.driver.link.Target;
import dev.p4ebpf.driver.link.XdpNetlink;
import dev.p4ebpf.driver.load.LoadedObject;
import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.netlink.NetlinkError;
import dev.p4ebpf.driver.netlink.NetlinkSocket;
import dev.p4ebpf.driver.netlink.Rtnl;
import dev.p4ebpf.driver.pin.Bpffs;
import dev.p4ebpf.driver.pin.PinNames;
import dev.p4ebpf.driver.prog.BpfProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Remembers what p4ebpf attached where, in the bpf file system: one directory per attachment,
 * {@code ROOT/IFNAME@MODE} (with {@code @netns-INODE} outside the initial network namespace; dots,
 * which the bpf file system refuses in names, written as {@code %2e}),
 * holding the pinned program ({@code prog}), the pinned link for BPF-link attachments
 * ({@code link}, which keeps the link alive after the process exits) and the object's maps
 * ({@code maps/NAME}, for the table commands). {@code list} reads these directories back and asks
 * the kernel whether each attachment is still there.
 */
public final class Registry {
    /** The default root, {@code /sys/fs/bpf/p4ebpf}. */
    public static final Path DEFAULT_ROOT = Bpffs.DEFAULT_MOUNT.resolve("p4ebpf");
    static final String PROG = "prog", MAPS = "maps";

    private final Path root;

    public Registry(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The registry directory of an attachment to {@code ifname} in {@code mode}, in the calling thread's netns. */
    public Path dirFor(String ifname, AttachMode mode) {
        String ns = Netns.currentUnlessInitial();
        return root.resolve(PinNames.encode(ifname) + "@" + mode.word() + (ns.isEmpty() ? "" : "@netns-" + ns));
    }

    /**
     * Attaches {@code program} of {@code object} to {@code target} and records it: pins the
     * program, the link and all maps. If anything fails, nothing stays attached or pinned.
     */
    public Deployment deploy(LoadedObject object, BpfProgram program, Target target, AttachMode mode,
            Mechanism mechanism) {
        if (root.startsWith(Bpffs.DEFAULT_MOUNT)) {
            Bpffs.ensureMounted(Bpffs.DEFAULT_MOUNT);
        }
        Path dir = dirFor(target.name(), mode);
        if (Files.exists(dir)) {
            throw new DriverException(Kind.PIN_EXISTS, "p4ebpf already has a program on " + target.name() + " in mode "
                    + mode.word() + " (pinned at " + dir + "). Unload it first ('p4ebpf unload --dev " + target.name()
                    + " --mode " + mode.word() + "'), or replace it with 'p4ebpf load ... --replace'.");
        }
        Bpffs.createDirectories(dir.resolve(MAPS));
        Attachment attachment = null;
        try {
            program.pin(dir.resolve(PROG));
            for (Map.Entry<String, BpfMap> m : object.maps().entrySet()) {
                m.getValue().pin(dir.resolve(MAPS).resolve(PinNames.encode(m.getKey())));
            }
            attachment = Attacher.attach(program, target, mode, mechanism);
            attachment.pin(dir);
            return describe(dir).orElseThrow();
        } catch (RuntimeException e) {
            if (attachment != null) {
                attachment.detach();
                attachment.close();
            }
            removeDir(dir);
            throw e;
        } finally {
            if (attachment != null) {
                attachment.close();
            }
        }
    }

    /** Swaps the program of an existing attachment atomically and re-pins the program and maps. */
    public Deployment replace(LoadedObject object, BpfProgram program, String ifname, AttachMode mode) {
        Path dir = dirFor(ifname, mode);
        Deployment old = describe(dir).orElseThrow(() -> notDeployed(ifname, mode));
        try (Attachment attachment = open(old)) {
            attachment.replace(program);
        }
        Bpffs.unpin(dir.resolve(PROG));
        program.pin(dir.resolve(PROG));
        for (Map.Entry<String, BpfMap> m : object.maps().entrySet()) {
            Path pin = dir.resolve(MAPS).resolve(PinNames.encode(m.getKey()));
            Bpffs.unpin(pin);
            m.getValue().pin(pin);
        }
        return describe(dir).orElseThrow();
    }

    /** Detaches and forgets the attachment to {@code ifname} in {@code mode}. */
    public Deployment unload(String ifname, AttachMode mode) {
        Path dir = dirFor(ifname, mode);
        Deployment d = describe(dir).orElseThrow(() -> notDeployed(ifname, mode));
        if (d.attached()) {
            try (Attachment attachment = open(d)) {
                attachment.detach();
            }
        }
        removeDir(dir);
        return d;
    }

    private DriverException notDeployed(String ifname, AttachMode mode) {
        return new DriverException(Kind.NOT_FOUND, "p4ebpf has no program on " + ifname + " in mode " + mode.word()
                + " (nothing under " + root + "). 'p4ebpf list' shows what is loaded.");
    }

    /** Everything recorded under the root, in name order. */
    public List<Deployment> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.sorted().map(this::describe).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new DriverException(Kind.KERNEL, "Cannot list " + root + ": " + e.getMessage() + ".", null, e);
        }
    }

    /** Reads one registry directory; empty when it is not one. */
    public Optional<Deployment> describe(Path dir) {
        Optional<RegistryName> name = RegistryName.parse(dir.getFileName().toString());
        if (name.isEmpty() || !Files.exists(dir.resolve(PROG))) {
            return Optional.empty();
        }
        RegistryName n = name.get();
        List<String> maps = mapNames(dir);
        try (BpfProgram prog = BpfProgram.fromPin(dir.resolve(PROG))) {
            if (Files.exists(dir.resolve(BpfLink.PIN_NAME))) {
                try (BpfLink link = BpfLink.fromPin(dir.resolve(BpfLink.PIN_NAME), new Target(0, n.ifname()), n.mode())) {
                    return Optional.of(new Deployment(dir, n.ifname(), n.netns(), n.mode(), Mechanism.BPF_LINK,
                            link.programId(), prog.name(), link.linkId(), link.attachedIfindex() != 0, maps));
                }
            }
            boolean attached = n.netns().equals(Netns.currentUnlessInitial()) && netlinkAttached(n, prog.id());
            return Optional.of(new Deployment(dir, n.ifname(), n.netns(), n.mode(), Mechanism.NETLINK, prog.id(),
                    prog.name(), 0, attached, maps));
        }
    }

    private static boolean netlinkAttached(RegistryName n, int progId) {
        try (NetlinkSocket socket = NetlinkSocket.openRoute()) {
            Rtnl rtnl = new Rtnl(socket);
            var link = rtnl.link(n.ifname());
            if (n.mode().isXdp()) {
                var x = link.xdp();
                return x.progId() == progId || x.driverProgId() == progId || x.genericProgId() == progId
                        || x.hardwareProgId() == progId;
            }
            return rtnl.bpfFilters(link.ifindex(), n.mode().clsactMinor()).stream().anyMatch(f -> f.progId() == progId);
        } catch (DriverException e) {
            return false;
        } catch (NetlinkError e) {
            return false;
        }
    }

    private Attachment open(Deployment d) {
        Target target = d.mechanism() == Mechanism.BPF_LINK ? new Target(0, d.ifname()) : Attacher.target(d.ifname());
        return switch (d.mechanism()) {
            case BPF_LINK -> BpfLink.fromPin(d.dir().resolve(BpfLink.PIN_NAME), target, d.mode());
            case NETLINK -> d.mode().isXdp() ? XdpNetlink.existing(target, d.mode(), d.programId())
                    : ClsBpf.existing(target, d.mode(), d.programId(), false);
        };
    }

    private static List<String> mapNames(Path dir) {
        Path maps = dir.resolve(MAPS);
        if (!Files.isDirectory(maps)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(maps)) {
            return files.map(p -> PinNames.decode(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Removes a registry directory and every pin in it (the objects live on while attached or open). */
    static void removeDir(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> paths = new ArrayList<>(all.toList());
            paths.sort(Comparator.reverseOrder());
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new DriverException(Kind.KERNEL, "Cannot remove the pins under " + dir + ": " + e.getMessage() + ".",
                    null, e);
        }
    }
}
