package dev.p4ebpf.ebpf.testutil;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;

/**
 * The few bpf(2) commands the backend's tests need to load objects without libbpf — the way our
 * driver will: BTF_LOAD, MAP_CREATE, PROG_LOAD. Test-only; the real bindings live in the driver.
 * Layouts from KERNEL-ABI.md; errno is captured in the same downcall.
 */
@SuppressWarnings("restricted") // FFM downcalls; tests run with --enable-native-access=ALL-UNNAMED
public final class RawBpf implements AutoCloseable {
    private static final long SYS_BPF = 321;
    private static final int ATTR_SIZE = 168;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SYSCALL = LINKER.downcallHandle(LINKER.defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG),
            Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().find("close").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    private final Arena arena = Arena.ofConfined();
    private final java.util.List<Integer> fds = new java.util.ArrayList<>();

    /** A failed command: errno and the kernel's log. */
    public static final class BpfError extends Exception {
        private static final long serialVersionUID = 1L;

        public BpfError(String message) {
            super(message);
        }
    }

    private int call(int cmd, MemorySegment attr, String what, MemorySegment log) throws BpfError {
        MemorySegment state = arena.allocate(STATE);
        long r;
        try {
            r = (long) SYSCALL.invokeExact(state, SYS_BPF, (long) cmd, attr, (long) ATTR_SIZE);
        } catch (Throwable t) {
            throw new BpfError(what + ": downcall failed: " + t);
        }
        if (r < 0) {
            int errno = (int) ERRNO.get(state, 0L);
            String text = log == null ? "" : "\n" + log.getString(0, StandardCharsets.UTF_8);
            throw new BpfError(what + " failed with errno " + errno + text);
        }
        fds.add((int) r);
        return (int) r;
    }

    private MemorySegment bytes(byte[] b) {
        MemorySegment s = arena.allocate(Math.max(1, b.length), 8);
        MemorySegment.copy(b, 0, s, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, b.length);
        return s;
    }

    public int loadBtf(byte[] btf) throws BpfError {
        MemorySegment attr = arena.allocate(ATTR_SIZE, 8);
        MemorySegment log = arena.allocate(1 << 16);
        attr.set(ADDRESS, 0, bytes(btf));
        attr.set(ADDRESS, 8, log);
        attr.set(JAVA_INT, 16, btf.length);
        attr.set(JAVA_INT, 20, (int) log.byteSize());
        attr.set(JAVA_INT, 24, 1);
        return call(18, attr, "BPF_BTF_LOAD", log);
    }

    public int createMap(String name, int type, int keySize, int valueSize, int maxEntries, int flags, int btfFd,
                         int keyType, int valueType) throws BpfError {
        MemorySegment attr = arena.allocate(ATTR_SIZE, 8);
        attr.set(JAVA_INT, 0, type);
        attr.set(JAVA_INT, 4, keySize);
        attr.set(JAVA_INT, 8, valueSize);
        attr.set(JAVA_INT, 12, maxEntries);
        attr.set(JAVA_INT, 16, flags);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        MemorySegment.copy(n, 0, attr, java.lang.foreign.ValueLayout.JAVA_BYTE, 28, Math.min(15, n.length));
        if (keyType != 0 || valueType != 0) {
            attr.set(JAVA_INT, 48, btfFd);
            attr.set(JAVA_INT, 52, keyType);
            attr.set(JAVA_INT, 56, valueType);
        }
        return call(0, attr, "BPF_MAP_CREATE " + name, null);
    }

    /** PROG_LOAD with func_info and line_info when given (counts 0 to leave them out). */
    public int loadProgram(String name, int type, int attachType, int flags, byte[] insns, String license, int btfFd,
                           byte[] funcInfo, int funcCount, byte[] lineInfo, int lineCount) throws BpfError {
        MemorySegment attr = arena.allocate(ATTR_SIZE, 8);
        MemorySegment log = arena.allocate(1 << 20);
        attr.set(JAVA_INT, 0, type);
        attr.set(JAVA_INT, 4, insns.length / 8);
        attr.set(ADDRESS, 8, bytes(insns));
        attr.set(ADDRESS, 16, arena.allocateFrom(license));
        attr.set(JAVA_INT, 24, 1);
        attr.set(JAVA_INT, 28, (int) log.byteSize());
        attr.set(ADDRESS, 32, log);
        attr.set(JAVA_INT, 44, flags);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        MemorySegment.copy(n, 0, attr, java.lang.foreign.ValueLayout.JAVA_BYTE, 48, Math.min(15, n.length));
        attr.set(JAVA_INT, 68, attachType);
        if (funcCount > 0) {
            attr.set(JAVA_INT, 72, btfFd);
            attr.set(JAVA_INT, 76, 8);
            attr.set(ADDRESS, 80, bytes(funcInfo));
            attr.set(JAVA_INT, 88, funcCount);
            if (lineCount > 0) {
                attr.set(JAVA_INT, 92, 16);
                attr.set(ADDRESS, 96, bytes(lineInfo));
                attr.set(JAVA_INT, 104, lineCount);
            }
        }
        return call(5, attr, "BPF_PROG_LOAD " + name, log);
    }

    /** Closes every fd this instance opened, then frees its memory. */
    @Override
    public void close() {
        for (int fd : fds) {
            try {
                int ignored = (int) CLOSE.invokeExact(fd);
            } catch (Throwable t) {
                throw new IllegalStateException("close(" + fd + ") failed", t);
            }
        }
        arena.close();
    }
}
