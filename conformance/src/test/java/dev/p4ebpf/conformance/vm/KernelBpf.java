package dev.p4ebpf.conformance.vm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bpf(2) commands the VM's differential tests need, over FFM: BTF_LOAD, MAP_CREATE, the element
 * commands, PROG_LOAD and PROG_TEST_RUN. Test-only; layouts from KERNEL-ABI.md; errno is captured in
 * the same downcall. Every fd it opens is closed by {@link #close}.
 */
@SuppressWarnings("restricted") // FFM downcalls; tests run with --enable-native-access=ALL-UNNAMED
final class KernelBpf implements AutoCloseable {
    private static final long SYS_BPF = 321;
    private static final int ATTR_SIZE = 168;
    private static final int MAP_CREATE = 0;
    private static final int MAP_LOOKUP_ELEM = 1;
    private static final int MAP_UPDATE_ELEM = 2;
    private static final int MAP_GET_NEXT_KEY = 4;
    private static final int PROG_LOAD = 5;
    private static final int PROG_TEST_RUN = 10;
    private static final int BTF_LOAD = 18;
    private static final int ENOENT = 2;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SYSCALL = LINKER.downcallHandle(LINKER.defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG),
            Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().find("close").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    private final Arena arena = Arena.ofConfined();
    private final List<Integer> fds = new ArrayList<>();

    /** A failed command with its errno and, for loads, the kernel's log. */
    static final class BpfError extends Exception {
        private static final long serialVersionUID = 1L;
        final int errno;

        BpfError(String message, int errno) {
            super(message);
            this.errno = errno;
        }
    }

    /** What PROG_TEST_RUN gives back. */
    record TestRun(int retval, byte[] data, byte[] ctx) {
    }

    private long call(int cmd, MemorySegment attr, String what, MemorySegment log) throws BpfError {
        MemorySegment state = arena.allocate(STATE);
        long r;
        try {
            r = (long) SYSCALL.invokeExact(state, SYS_BPF, (long) cmd, attr, (long) ATTR_SIZE);
        } catch (Throwable t) {
            throw new BpfError(what + ": downcall failed: " + t, -1);
        }
        if (r < 0) {
            int errno = (int) ERRNO.get(state, 0L);
            String text = log == null ? "" : "\n" + log.getString(0, StandardCharsets.UTF_8);
            throw new BpfError(what + " failed with errno " + errno + text, errno);
        }
        return r;
    }

    private int fd(long r) {
        fds.add((int) r);
        return (int) r;
    }

    private MemorySegment bytes(byte[] b) {
        MemorySegment s = arena.allocate(Math.max(1, b.length), 8);
        MemorySegment.copy(b, 0, s, JAVA_BYTE, 0, b.length);
        return s;
    }

    private MemorySegment attr() {
        return arena.allocate(ATTR_SIZE, 8);
    }

    int loadBtf(byte[] btf) throws BpfError {
        MemorySegment a = attr();
        MemorySegment log = arena.allocate(1 << 16);
        a.set(ADDRESS, 0, bytes(btf));
        a.set(ADDRESS, 8, log);
        a.set(JAVA_INT, 16, btf.length);
        a.set(JAVA_INT, 20, (int) log.byteSize());
        a.set(JAVA_INT, 24, 1);
        return fd(call(BTF_LOAD, a, "BPF_BTF_LOAD", log));
    }

    int createMap(String name, int type, int keySize, int valueSize, int maxEntries, int flags, int btfFd, int keyType,
                  int valueType) throws BpfError {
        MemorySegment a = attr();
        a.set(JAVA_INT, 0, type);
        a.set(JAVA_INT, 4, keySize);
        a.set(JAVA_INT, 8, valueSize);
        a.set(JAVA_INT, 12, maxEntries);
        a.set(JAVA_INT, 16, flags);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        MemorySegment.copy(n, 0, a, JAVA_BYTE, 28, Math.min(15, n.length));
        if (btfFd > 0 && (keyType != 0 || valueType != 0)) {
            a.set(JAVA_INT, 48, btfFd);
            a.set(JAVA_INT, 52, keyType);
            a.set(JAVA_INT, 56, valueType);
        }
        return fd(call(MAP_CREATE, a, "BPF_MAP_CREATE " + name, null));
    }

    void update(int mapFd, byte[] key, byte[] value, long flags) throws BpfError {
        MemorySegment a = attr();
        a.set(JAVA_INT, 0, mapFd);
        a.set(ADDRESS, 8, bytes(key));
        a.set(ADDRESS, 16, bytes(value));
        a.set(JAVA_LONG, 24, flags);
        call(MAP_UPDATE_ELEM, a, "BPF_MAP_UPDATE_ELEM", null);
    }

    Optional<byte[]> lookup(int mapFd, byte[] key, int valueSize) throws BpfError {
        MemorySegment a = attr();
        MemorySegment out = arena.allocate(Math.max(8, valueSize), 8);
        a.set(JAVA_INT, 0, mapFd);
        a.set(ADDRESS, 8, bytes(key));
        a.set(ADDRESS, 16, out);
        try {
            call(MAP_LOOKUP_ELEM, a, "BPF_MAP_LOOKUP_ELEM", null);
        } catch (BpfError e) {
            if (e.errno == ENOENT) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(out.asSlice(0, valueSize).toArray(JAVA_BYTE));
    }

    /** Every key of a map, by BPF_MAP_GET_NEXT_KEY from no key. */
    List<byte[]> keys(int mapFd, int keySize) throws BpfError {
        List<byte[]> out = new ArrayList<>();
        MemorySegment next = arena.allocate(Math.max(8, keySize), 8);
        byte[] cur = null;
        while (true) {
            MemorySegment a = attr();
            a.set(JAVA_INT, 0, mapFd);
            a.set(ADDRESS, 8, cur == null ? MemorySegment.NULL : bytes(cur));
            a.set(ADDRESS, 16, next);
            try {
                call(MAP_GET_NEXT_KEY, a, "BPF_MAP_GET_NEXT_KEY", null);
            } catch (BpfError e) {
                if (e.errno == ENOENT) {
                    return out;
                }
                throw e;
            }
            cur = next.asSlice(0, keySize).toArray(JAVA_BYTE);
            out.add(cur);
        }
    }

    int loadProgram(String name, int type, int attachType, int flags, byte[] insns, String license, int btfFd,
                    byte[] funcInfo, int funcCount, byte[] lineInfo, int lineCount) throws BpfError {
        MemorySegment a = attr();
        MemorySegment log = arena.allocate(1 << 22);
        a.set(JAVA_INT, 0, type);
        a.set(JAVA_INT, 4, insns.length / 8);
        a.set(ADDRESS, 8, bytes(insns));
        a.set(ADDRESS, 16, arena.allocateFrom(license));
        a.set(JAVA_INT, 24, 1);
        a.set(JAVA_INT, 28, (int) log.byteSize());
        a.set(ADDRESS, 32, log);
        a.set(JAVA_INT, 44, flags);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        MemorySegment.copy(n, 0, a, JAVA_BYTE, 48, Math.min(15, n.length));
        a.set(JAVA_INT, 68, attachType);
        if (funcCount > 0 && btfFd > 0) {
            a.set(JAVA_INT, 72, btfFd);
            a.set(JAVA_INT, 76, 8);
            a.set(ADDRESS, 80, bytes(funcInfo));
            a.set(JAVA_INT, 88, funcCount);
            if (lineCount > 0) {
                a.set(JAVA_INT, 92, 16);
                a.set(ADDRESS, 96, bytes(lineInfo));
                a.set(JAVA_INT, 104, lineCount);
            }
        }
        return fd(call(PROG_LOAD, a, "BPF_PROG_LOAD " + name, log));
    }

    /** One test run with a packet, an optional ctx_in, and room for the output packet and ctx_out. */
    TestRun testRun(int progFd, byte[] data, byte[] ctxIn, int ctxOutSize) throws BpfError {
        MemorySegment a = attr();
        int outSize = 64 * 1024;
        MemorySegment out = arena.allocate(outSize, 8);
        MemorySegment ctxOut = arena.allocate(Math.max(8, ctxOutSize), 8);
        a.set(JAVA_INT, 0, progFd);
        a.set(JAVA_INT, 8, data.length);
        a.set(JAVA_INT, 12, outSize);
        a.set(ADDRESS, 16, bytes(data));
        a.set(ADDRESS, 24, out);
        a.set(JAVA_INT, 32, 1);
        if (ctxIn != null) {
            a.set(JAVA_INT, 40, ctxIn.length);
            a.set(ADDRESS, 48, bytes(ctxIn));
        }
        if (ctxOutSize > 0) {
            a.set(JAVA_INT, 44, ctxOutSize);
            a.set(ADDRESS, 56, ctxOut);
        }
        call(PROG_TEST_RUN, a, "BPF_PROG_TEST_RUN", null);
        int retval = a.get(JAVA_INT, 4);
        int got = a.get(JAVA_INT, 12);
        int ctxGot = ctxOutSize > 0 ? a.get(JAVA_INT, 44) : 0;
        return new TestRun(retval, out.asSlice(0, got).toArray(JAVA_BYTE), ctxOut.asSlice(0, ctxGot).toArray(JAVA_BYTE));
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
