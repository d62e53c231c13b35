package dev.p4ebpf.driver.pin;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.Failures;
import dev.p4ebpf.driver.sys.Attr;
import dev.p4ebpf.driver.sys.Bpf;
import dev.p4ebpf.driver.sys.Errno;
import dev.p4ebpf.driver.sys.Fd;
import dev.p4ebpf.driver.sys.Native;
import dev.p4ebpf.driver.sys.SyscallException;
import dev.p4ebpf.driver.sys.Uapi;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bpf file system, where kernel objects are pinned so that they outlive the process: checking
 * that a directory is on one, mounting it at {@code /sys/fs/bpf} when it is missing, pinning a
 * descriptor to a path and opening a pinned object again.
 */
public final class Bpffs {
    private Bpffs() {}

    /** Where distributions mount the bpf file system. */
    public static final Path DEFAULT_MOUNT = Path.of("/sys/fs/bpf");

    /** True when {@code dir} exists and lies on a bpf file system. */
    public static boolean isBpffs(Path dir) {
        try {
            return Native.fileSystemType(dir.toString()) == Uapi.BPF_FS_MAGIC;
        } catch (SyscallException e) {
            return false;
        }
    }

    /**
     * Makes sure {@code mountPoint} holds a bpf file system, mounting one there ({@code mount -t bpf
     * bpf DIR}, mode 0700) when it does not. The directory must exist.
     */
    public static void ensureMounted(Path mountPoint) {
        if (isBpffs(mountPoint)) {
            return;
        }
        if (!Files.isDirectory(mountPoint)) {
            throw new DriverException(Kind.BPFFS_MISSING, "There is no bpf file system at " + mountPoint
                    + " and the directory does not exist, so it cannot be mounted there. Create it, or mount one"
                    + " with 'mount -t bpf bpf " + mountPoint + "'.");
        }
        try {
            Native.mount("bpf", mountPoint.toString(), "bpf", 0, "mode=0700");
        } catch (SyscallException e) {
            throw Failures.of(Kind.BPFFS_MISSING, "There is no bpf file system at " + mountPoint
                    + " and mounting one failed (" + e.errno().describe() + "). Mount it as root with"
                    + " 'mount -t bpf bpf " + mountPoint + "' (or add it to /etc/fstab), then try again.", e);
        }
    }

    /**
     * Checks that {@code dir}'s nearest existing ancestor is on a bpf file system, so that pins (and
     * directories for them) can be made below it.
     */
    public static void requireBpffs(Path dir) {
        Path probe = dir.toAbsolutePath();
        while (probe != null && !Files.exists(probe)) {
            probe = probe.getParent();
        }
        if (probe == null || !isBpffs(probe)) {
            throw new DriverException(Kind.BPFFS_MISSING, "Cannot pin under " + dir + ": "
                    + (probe == null ? "no part of it exists" : probe + " is not on a bpf file system")
                    + ". Pins live on a bpf file system: choose a directory under " + DEFAULT_MOUNT
                    + ", or mount one with 'mount -t bpf bpf " + DEFAULT_MOUNT + "'.");
        }
    }

    /** Creates {@code dir} and its parents on the bpf file system. */
    public static void createDirectories(Path dir) {
        requireBpffs(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DriverException(Kind.KERNEL, "Cannot create the pin directory " + dir + ": " + e.getMessage()
                    + ".", null, e);
        }
    }

    /** Pins {@code fd} at {@code path}, which must not exist yet. */
    public static void pin(Fd fd, Path path) {
        requireBpffs(path.getParent());
        if (Files.exists(path)) {
            throw pinExists(path);
        }
        try (Arena arena = Arena.ofConfined()) {
            Attr attr = new Attr(arena).ptr(Uapi.OBJ_PATHNAME, arena.allocateFrom(path.toString()))
                    .u32(Uapi.OBJ_BPF_FD, fd.value());
            Bpf.call(Uapi.BPF_OBJ_PIN, attr);
        } catch (SyscallException e) {
            if (e.is(Errno.EEXIST)) {
                throw pinExists(path);
            }
            throw Failures.of("Pinning " + fd.what() + " at " + path, e);
        }
    }

    /** Opens the object pinned at {@code path}. */
    public static Fd get(Path path, String what) {
        try (Arena arena = Arena.ofConfined()) {
            Attr attr = new Attr(arena).ptr(Uapi.OBJ_PATHNAME, arena.allocateFrom(path.toString()));
            return Bpf.callForFd(Uapi.BPF_OBJ_GET, attr, what + " pinned at " + path);
        } catch (SyscallException e) {
            if (e.is(Errno.ENOENT)) {
                throw new DriverException(Kind.NOT_FOUND, "Nothing is pinned at " + path
                        + ". Check the path, or load the program again with --pin.", e.errno(), e);
            }
            throw Failures.of("Opening the pinned " + what + " at " + path, e);
        }
    }

    /** Removes a pin (the object lives on while something else holds it). Missing pins are ignored. */
    public static void unpin(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new DriverException(Kind.KERNEL, "Cannot remove the pin " + path + ": " + e.getMessage() + ".",
                    null, e);
        }
    }

    private static DriverException pinExists(Path path) {
        return new DriverException(Kind.PIN_EXISTS, "The pin path " + path + " already exists, so nothing was"
                + " pinned there. Another program (maybe an earlier load) owns it: unload that one first ('p4ebpf"
                + " unload'), remove the pin with 'rm " + path + "' if it is stale, or choose another --pin"
                + " directory.");
    }
}
