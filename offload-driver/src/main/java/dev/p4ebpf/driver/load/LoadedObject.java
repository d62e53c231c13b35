package dev.p4ebpf.driver.load;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.prog.BpfProgram;
import dev.p4ebpf.driver.prog.KernelBtf;
import dev.p4ebpf.driver.table.MapSource;
import dev.p4ebpf.ebpf.object.BpfObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An object loaded into the kernel: its maps and programs by name, owned here. Closing releases
 * the descriptors; what is pinned or attached stays.
 */
public final class LoadedObject implements MapSource, AutoCloseable {
    private final String name;
    private final BpfObject spec;
    private final Map<String, BpfMap> maps;
    private final Map<String, BpfProgram> programs;
    private final Optional<KernelBtf> btf;

    LoadedObject(String name, BpfObject spec, Map<String, BpfMap> maps, Map<String, BpfProgram> programs,
            Optional<KernelBtf> btf) {
        this.name = name;
        this.spec = spec;
        this.maps = Collections.unmodifiableMap(maps);
        this.programs = Collections.unmodifiableMap(programs);
        this.btf = btf;
    }

    /** The file (or other name) it was loaded from. */
    public String name() {
        return name;
    }

    public BpfObject spec() {
        return spec;
    }

    public Map<String, BpfMap> maps() {
        return maps;
    }

    public Map<String, BpfProgram> programs() {
        return programs;
    }

    @Override
    public BpfMap map(String mapName) {
        BpfMap m = maps.get(mapName);
        if (m == null) {
            throw new DriverException(Kind.NOT_FOUND, "The object " + name + " has no map " + mapName + "; its maps"
                    + " are: " + String.join(", ", maps.keySet()) + ". The control-plane description does not"
                    + " belong to this object.");
        }
        return m;
    }

    /** The program called {@code programName}, or the only one when the name is empty. */
    public BpfProgram program(Optional<String> programName) {
        if (programName.isEmpty()) {
            if (programs.size() != 1) {
                throw new DriverException(Kind.BAD_INPUT, "The object " + name + " has " + programs.size()
                        + " programs (" + String.join(", ", programs.keySet()) + "); say which one with --program.");
            }
            return programs.values().iterator().next();
        }
        BpfProgram p = programs.get(programName.get());
        if (p == null) {
            throw new DriverException(Kind.NOT_FOUND, "The object " + name + " has no program " + programName.get()
                    + "; its programs are: " + String.join(", ", programs.keySet()) + ".");
        }
        return p;
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(programs.values());
        all.addAll(maps.values());
        btf.ifPresent(all::add);
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing a descriptor cannot fail", e);
            }
        }
    }
}
