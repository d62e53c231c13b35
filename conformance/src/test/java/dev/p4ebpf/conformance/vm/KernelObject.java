package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.LinkedProgram;
import dev.p4ebpf.ebpf.object.Linker;
import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.MapType;
import dev.p4ebpf.ebpf.object.ProgramSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A BPF object loaded into the kernel with {@link KernelBpf} exactly as the VM loads it: BTF as it
 * is, maps with their BTF ids, each program linked by {@link Linker} with map fds patched in. Closing
 * it closes every fd, which frees the kernel objects.
 */
final class KernelObject implements AutoCloseable {
    private final KernelBpf bpf = new KernelBpf();
    private final BpfObject obj;
    private final Map<String, Integer> mapFds = new HashMap<>();
    private final Map<String, Integer> progFds = new HashMap<>();

    private KernelObject(BpfObject obj) {
        this.obj = obj;
    }

    static KernelObject load(BpfObject obj) throws Exception {
        KernelObject k = new KernelObject(obj);
        try {
            int btfFd = obj.btf().size() > 0 ? k.bpf.loadBtf(obj.encodeBtf().btf()) : 0;
            for (MapSpec m : obj.maps()) {
                // as libbpf does: these types take no BTF key/value types (the kernel answers ENOTSUPP)
                boolean noBtf = java.util.Set.of(MapType.DEVMAP, MapType.PROG_ARRAY, MapType.PERF_EVENT_ARRAY,
                        MapType.RINGBUF).contains(m.type());
                k.mapFds.put(m.name(), k.bpf.createMap(m.name(), m.type().id(), m.keySize(), m.valueSize(),
                        m.maxEntries(), m.flags(), btfFd, noBtf ? 0 : m.btfKeyType(), noBtf ? 0 : m.btfValueType()));
            }
            for (ProgramSpec p : obj.programs()) {
                LinkedProgram lp = Linker.link(obj, p.name());
                k.progFds.put(p.name(), k.bpf.loadProgram(p.name(), p.type().id(), p.attachType().id(), p.progFlags(),
                        lp.withMapFds(k.mapFds::get), lp.license(), btfFd, lp.funcInfo(), lp.funcInfoCount(),
                        lp.lineInfo(), lp.lineInfoCount()));
            }
            return k;
        } catch (Exception e) {
            k.close();
            throw e;
        }
    }

    private MapSpec spec(String map) {
        return obj.map(map).orElseThrow();
    }

    void update(String map, byte[] key, byte[] value, long flags) throws KernelBpf.BpfError {
        bpf.update(mapFds.get(map), key, value, flags);
    }

    void setProgram(String progArray, int index, String program) throws KernelBpf.BpfError {
        byte[] fd = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(progFds.get(program)).array();
        byte[] key = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(index).array();
        bpf.update(mapFds.get(progArray), key, fd, 0);
    }

    Optional<byte[]> lookup(String map, byte[] key) throws KernelBpf.BpfError {
        return bpf.lookup(mapFds.get(map), key, spec(map).valueSize());
    }

    List<byte[]> keys(String map) throws KernelBpf.BpfError {
        return bpf.keys(mapFds.get(map), spec(map).keySize());
    }

    KernelBpf.TestRun run(String program, byte[] packet, byte[] ctxIn, int ctxOutSize) throws KernelBpf.BpfError {
        return bpf.testRun(progFds.get(program), packet, ctxIn, ctxOutSize);
    }

    @Override
    public void close() {
        bpf.close();
    }
}
