package dev.p4ebpf.driver.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The C library functions the driver calls, bound once through the FFM linker. Every binding
 * captures {@code errno} in the same downcall ({@link Linker.Option#captureCallState}), so the value
 * read is the one the call set; {@code syscall} is bound as the variadic function it is
 * ({@link Linker.Option#firstVariadicArg}). A failing call throws {@link SyscallException}.
 */
public final class Native {
    private Native() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ThreadLocal<MemorySegment> STATE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE));

    private static final MethodHandle SYSCALL3 = bind("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG), 1);
    private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), -1);
    private static final MethodHandle OPEN = bind("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), -1);
    private static final MethodHandle SOCKET =
            bind("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), -1);
    private static final MethodHandle BIND = bind("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), -1);
    private static final MethodHandle SETSOCKOPT = bind("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), -1);
    private static final MethodHandle SENDMSG =
            bind("sendmsg", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT), -1);
    private static final MethodHandle RECVMSG =
            bind("recvmsg", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT), -1);
    private static final MethodHandle SETNS = bind("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), -1);
    private static final MethodHandle UNSHARE = bind("unshare", FunctionDescriptor.of(JAVA_INT, JAVA_INT), -1);
    private static final MethodHandle MOUNT = bind("mount",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS), -1);
    private static final MethodHandle UMOUNT2 = bind("umount2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), -1);
    private static final MethodHandle STATFS = bind("statfs", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), -1);

    @SuppressWarnings("restricted") // FFM downcalls are the point of this class; run with --enable-native-access
    private static MethodHandle bind(String name, FunctionDescriptor descriptor, int firstVariadic) {
        MemorySegment address = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("the C library has no function " + name));
        Linker.Option capture = Linker.Option.captureCallState("errno");
        return firstVariadic < 0
                ? LINKER.downcallHandle(address, descriptor, capture)
                : LINKER.downcallHandle(address, descriptor, Linker.Option.firstVariadicArg(firstVariadic), capture);
    }

    private static Errno errno(MemorySegment state) {
        return new Errno((int) ERRNO.get(state, 0L));
    }

    private static RuntimeException linkageBug(Throwable t) {
        return new IllegalStateException("FFM downcall failed: " + t, t);
    }

    /** {@code syscall(number, a, b, c)}: the raw result, or an exception carrying errno. */
    public static long syscall(String what, long number, long a, MemorySegment b, long c) throws SyscallException {
        MemorySegment state = STATE.get();
        long result;
        try {
            result = (long) SYSCALL3.invokeExact(state, number, a, b, c);
        } catch (Throwable t) {
            throw linkageBug(t);
        }
        if (result < 0) {
            throw new SyscallException(what, errno(state));
        }
        return result;
    }

    private static int checkInt(String what, int result, MemorySegment state) throws SyscallException {
        if (result < 0) {
            throw new SyscallException(what, errno(state));
        }
        return result;
    }

    public static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(STATE.get(), fd);
        } catch (Throwable t) {
            throw linkageBug(t);
        }
    }

    public static int open(String path, int flags) throws SyscallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = STATE.get();
            return checkInt("open(" + path + ")", (int) OPEN.invokeExact(state, arena.allocateFrom(path), flags), state);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw linkageBug(t);
        }
    }

    public static int socket(int domain, int type, int protocol) throws SyscallException {
        MemorySegment state = STATE.get();
        try {
            return checkInt("socket", (int) SOCKET.invokeExact(state, domain, type, protocol), state);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw linkageBug(t);
        }
    }

    public static void bind(int fd, MemorySegment address) throws SyscallException {
        MemorySegment state = STATE.get();
        try {
            checkInt("bind", (int) BIND.invokeExact(state, fd, address, (int) address.byteSize()), state);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw linkageBug(t);
        }
    }

    public static void setsockopt(int fd, int level, int name, MemorySegment value) throws SyscallException {
        MemorySegment state = STATE.get();
        try {
            checkInt("setsockopt(" + level + ", " + name + ")",
                    (int) SETSOCKOPT.invokeExact(state, fd, level, name, value, (int) value.byteSize()), state);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw linkageBug(t);
        }
    }

    public static long sendmsg(int fd, MemorySegment msghdr, int flags) throws SyscallException {
        MemorySegment state = STATE.get();
        try {
            long n = (long) SENDMSG.invokeExact(state, fd, msghdr, flags);
            if (n < 0) {
                throw new SyscallException("sendmsg", errno(state));
            }
            return n;
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw linkageBug(t);
        }
    }

    public static long recvmsg(int fd, MemorySegment msghdr, int flags) throws SyscallException {
        MemorySegment state = STATE.get();
        try {
            long n = (long) RECVMSG.invokeExact(state, fd, msghdr, flags);
            if (n < 0) {
                throw new SyscallException("recvmsg", errno(state));
            }
            return n;
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw linkageBug(t);
        }
    }

    /** Moves the calling thread into the namespace {@code fd} refers to. */
    public static void setns(int fd, int nstype) throws SyscallException {
        MemorySegment state = STATE.get();
        try {
            checkInt("setns", (int) SETNS.invokeExact(state, fd, nstype), state);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw linkageBug(t);
        }
    }

    /** Gives the calling thread new namespaces of the kinds in {@code flags}. */
    public static void unshare(int flags) throws SyscallException {
        MemorySegment state = STATE.get();
        try {
            checkInt("unshare", (int) UNSHARE.invokeExact(state, flags), state);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw linkageBug(t);
        }
    }

    public static void mount(String source, String target, String fsType, long flags, String data)
            throws SyscallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = STATE.get();
            MemorySegment dataPtr = data == null ? MemorySegment.NULL : arena.allocateFrom(data);
            checkInt("mount(" + target + ")", (int) MOUNT.invokeExact(state, arena.allocateFrom(source),
                    arena.allocateFrom(target), arena.allocateFrom(fsType), flags, dataPtr), state);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw linkageBug(t);
        }
    }

    public static void umount2(String target, int flags) throws SyscallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = STATE.get();
            checkInt("umount2(" + target + ")", (int) UMOUNT2.invokeExact(state, arena.allocateFrom(target), flags),
                    state);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw linkageBug(t);
        }
    }

    /** The {@code f_type} magic number of the file system holding {@code path}. */
    public static long fileSystemType(String path) throws SyscallException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = STATE.get();
            MemorySegment buf = arena.allocate(Uapi.STATFS_SIZE, 8);
            checkInt("statfs(" + path + ")", (int) STATFS.invokeExact(state, arena.allocateFrom(path), buf), state);
            return buf.get(JAVA_LONG, 0);
        } catch (SyscallException e) {
            throw e;
        } catch (Throwable t) {
            throw linkageBug(t);
        }
    }
}
