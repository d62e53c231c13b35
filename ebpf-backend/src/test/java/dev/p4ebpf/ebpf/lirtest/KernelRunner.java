package dev.p4ebpf.ebpf.lirtest;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.LinkedProgram;
import dev.p4ebpf.ebpf.object.Linker;
import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.ProgramSpec;
import dev.p4ebpf.ebpf.testutil.RawBpf;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker.Option;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads an object's programs into the kernel with {@link RawBpf} and runs them with
 * BPF_PROG_TEST_RUN; also reads a program's translated and JIT-ed sizes (BPF_OBJ_GET_INFO_BY_FD) and
 * writes map entries. Test-only; closing it closes every fd.
 */
@SuppressWarnings("restricted")
public final class KernelRunner implements AutoCloseable {
    private static final long SYS_BPF = 321;
    private static final int ATTR_SIZE = 168;
    private static final java.lang.foreign.Linker LINKER = java.lang.foreign.Linker.nativeLinker();
    private static final StructLayout STATE = Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SYSCALL = LINKER.downcallHandle(LINKER.defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG),
            Option.firstVariadicArg(1), Option.captureCallState("errno"));

    private final RawBpf bpf = new RawBpf();
    private final Arena arena = Arena.ofConfined();
    private final Map<String, Integer> mapFds = new HashMap<>();
    private final Map<String, Integer> progFds = new HashMap<>();

    /** One test run: r0, the packet afterwards, the average time per repetition. */
    public record Run(int retval, byte[] packet, int nanos) {}

    /** A loaded program's sizes: translated (after the verifier's rewrites) and JIT-ed bytes. */
    public record Sizes(int xlatedInsns, int jitedBytes) {}

    /** Creates the object's maps and loads its programs; a verifier rejection throws with the log. */
    public static KernelRunner load(BpfObject obj) throws Exception {
        KernelRunner k = new KernelRunner();
        try {
            int btfFd = obj.btf().size() > 0 ? k.bpf.loadBtf(obj.encodeBtf().btf()) : 0;
            for (MapSpec m : obj.maps()) {
                k.mapFds.put(m.name(), k.bpf.createMap(m.name(), m.type().id(), m.keySize(), m.valueSize(),
                        m.maxEntries(), m.flags(), btfFd, m.btfKeyType(), m.btfValueType()));
            }
            for (ProgramSpec p : obj.programs()) {
                LinkedProgram lp = Linker.link(obj, p.name());
                k.progFds.put(p.name(), k.bpf.loadProgram(p.name(), p.type().id(), p.attachType().id(),
                        p.progFlags(), lp.withMapFds(k.mapFds::get), lp.license(), btfFd, lp.funcInfo(),
                        lp.funcInfoCount(), lp.lineInfo(), lp.lineInfoCount()));
            }
            return k;
        } catch (Exception | Error e) {
            k.close();
            throw e;
        }
    }

    public int prog(String name) {
        return progFds.get(name);
    }

    private long sys(int cmd, MemorySegment attr, String what) {
        MemorySegment state = arena.allocate(STATE);
        long r;
        try {
            r = (long) SYSCALL.invokeExact(state, SYS_BPF, (long) cmd, attr, (long) ATTR_SIZE);
        } catch (Throwable t) {
            throw new IllegalStateException(what + ": downcall failed", t);
        }
        if (r < 0) {
            throw new IllegalStateException(what + " failed with errno " + (int) ERRNO.get(state, 0L));
        }
        return r;
    }

    /** Runs program {@code name} {@code repeat} times on {@code packet}. */
    public Run run(String name, byte[] packet, int repeat) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment in = a.allocate(packet.length);
            MemorySegment.copy(packet, 0, in, JAVA_BYTE, 0, packet.length);
            MemorySegment out = a.allocate(packet.length + 256);
            MemorySegment attr = a.allocate(ATTR_SIZE, 8);
            attr.set(JAVA_INT, 0, prog(name));
            attr.set(JAVA_INT, 8, packet.length);
            attr.set(JAVA_INT, 12, (int) out.byteSize());
            attr.set(ADDRESS, 16, in);
            attr.set(ADDRESS, 24, out);
            attr.set(JAVA_INT, 32, repeat);
            sys(10, attr, "BPF_PROG_TEST_RUN " + name);
            byte[] data = out.asSlice(0, attr.get(JAVA_INT, 12)).toArray(JAVA_BYTE);
            return new Run(attr.get(JAVA_INT, 4), data, attr.get(JAVA_INT, 36));
        }
    }

    /** The translated instruction count and JIT-ed size of program {@code name}. */
    public Sizes sizes(String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment info = a.allocate(256, 8);
            MemorySegment attr = a.allocate(ATTR_SIZE, 8);
            attr.set(JAVA_INT, 0, prog(name));
            attr.set(JAVA_INT, 4, (int) info.byteSize());
            attr.set(ADDRESS, 8, info);
            sys(15, attr, "BPF_OBJ_GET_INFO_BY_FD " + name);
            return new Sizes(info.get(JAVA_INT, 20) / 8, info.get(JAVA_INT, 16));
        }
    }

    /** {@code map[key] = value}. */
    public void update(String map, byte[] key, byte[] value) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment k = a.allocate(key.length);
            MemorySegment.copy(key, 0, k, JAVA_BYTE, 0, key.length);
            MemorySegment v = a.allocate(value.length);
            MemorySegment.copy(value, 0, v, JAVA_BYTE, 0, value.length);
            MemorySegment attr = a.allocate(ATTR_SIZE, 8);
            attr.set(JAVA_INT, 0, mapFds.get(map));
            attr.set(ADDRESS, 8, k);
            attr.set(ADDRESS, 16, v);
            sys(2, attr, "BPF_MAP_UPDATE_ELEM " + map);
        }
    }

    @Override
    public void close() {
        bpf.close();
        arena.close();
    }
}
