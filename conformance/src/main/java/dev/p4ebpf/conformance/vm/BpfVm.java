package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.ProgramSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java eBPF VM's entry point: {@link #load(BpfObject)} does for the VM what the driver does for
 * the kernel — creates the object's maps and links each program — and gives a {@link VmProgram}
 * that runs the programs on packets.
 *
 * <pre>{@code
 * VmProgram vm = BpfVm.load(ElfReader.read(path));
 * vm.map("routes").update(key, value, VmMap.BPF_ANY);
 * VmResult r = vm.run("xdp_router", packet, RunOptions.defaults());
 * }</pre>
 */
public final class BpfVm {
    private BpfVm() {
    }

    /** Creates the maps and links every program; fails as the kernel would refuse a map, or on a program that cannot be linked. */
    public static VmProgram load(BpfObject obj) throws VmException {
        Addresses addresses = new Addresses();
        Map<String, VmMap> maps = new LinkedHashMap<>();
        for (MapSpec spec : obj.maps()) {
            maps.put(spec.name(), VmMap.create(spec, addresses));
        }
        Map<String, LoadedCode> programs = new LinkedHashMap<>();
        for (ProgramSpec p : obj.programs()) {
            programs.put(p.name(), LoadedCode.load(obj, p));
        }
        return new VmProgram(programs, maps, addresses);
    }
}
