package dev.p4ebpf.ebpf.testutil;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.LinkedProgram;
import dev.p4ebpf.ebpf.object.Linker;
import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.ProgramSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads every program of an object exactly as the driver will, with no libbpf in between: the
 * object's BTF bytes as they are, maps created with their BTF key/value ids, each program linked by
* {@link Linker} with map fds patched in and our func_info/line_info.
 */
public final class RawLoad {
    private RawLoad() {
    }

    public static void loadAll(BpfObject obj) throws Exception {
        Kernel.require(5, 10, "BPF_PROG_LOAD with BTF func_info/line_info");
        try (RawBpf bpf = new RawBpf()) {
            int btfFd = obj.btf().size() > 0 ? bpf.loadBtf(obj.encodeBtf().btf()) : 0;
            Map<String, Integer> fds = new HashMap<>();
            for (MapSpec m : obj.maps()) {
                fds.put(m.name(), bpf.createMap(m.name(), m.type().id(), m.keySize(), m.valueSize(), m.maxEntries(),
                        m.flags(), btfFd, m.btfKeyType(), m.btfValueType()));
            }
            for (ProgramSpec p : obj.programs()) {
                LinkedProgram lp = Linker.link(obj, p.name());
                int fd = bpf.loadProgram(p.name(), p.type().id(), p.attachType().id(), p.progFlags(),
                        lp.withMapFds(fds::get), lp.license(), btfFd, lp.funcInfo(), lp.funcInfoCount(), lp.lineInfo(),
                        lp.lineInfoCount());
                assertTrue(fd > 0);
            }
        }
    }
}
