package dev.p4ebpf.driver.load;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.map.MapAttributes;
import dev.p4ebpf.driver.map.MapInfo;
import dev.p4ebpf.driver.map.MapTypes;
import dev.p4ebpf.driver.pin.Bpffs;
import dev.p4ebpf.driver.prog.BpfProgram;
import dev.p4ebpf.driver.prog.KernelBtf;
import dev.p4ebpf.driver.prog.ProgramAttributes;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.ebpf.btf.Btf;
import dev.p4ebpf.ebpf.elf.ElfException;
import dev.p4ebpf.ebpf.elf.ElfReader;
import dev.p4ebpf.ebpf.insn.EncodeException;
import dev.p4ebpf.ebpf.insn.Reloc;
import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.LinkedProgram;
import dev.p4ebpf.ebpf.object.Linker;
import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.Pinning;
import dev.p4ebpf.ebpf.object.ProgramSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a BPF object the way libbpf does: reads the ELF into a {@link BpfObject} (ebpf-backend's
 * reader), loads its BTF, creates its maps (or reuses pinned ones), links each program with its
 * {@code .text} subprograms, patches map references with descriptors, and loads the programs. If
 * any step fails, everything created so far is closed and every pin made is removed.
 */
public final class ObjectLoader {
    private final BpfObject spec;
    private final String name;
    private final LoadOptions options;
    private final Map<String, BpfMap> maps = new LinkedHashMap<>();
    private final Map<String, BpfProgram> programs = new LinkedHashMap<>();
    private final List<Path> newPins = new ArrayList<>();
    private Optional<KernelBtf> btf = Optional.empty();

    private ObjectLoader(BpfObject spec, String name, LoadOptions options) {
        this.spec = spec;
        this.name = name;
        this.options = options;
    }

    /** Reads {@code file} (a BPF ELF object from p4ebpf or clang) and loads it. */
    public static LoadedObject load(Path file, LoadOptions options) {
        return load(read(file), file.toString(), options);
    }

    /** Reads a BPF ELF object into its spec, with a user-facing message when it is not one. */
    public static BpfObject read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DriverException(Kind.NOT_FOUND, "There is no object file " + file + ".");
        }
        try {
            return ElfReader.read(file);
        } catch (ElfException e) {
            throw new DriverException(Kind.BAD_INPUT, file + " is not a BPF object p4ebpf can load: " + e.getMessage()
                    + ". Compile it with 'p4ebpf compile' or 'clang -O2 -g -target bpf'.", null, e);
        }
    }

    public static LoadedObject load(BpfObject spec, String name, LoadOptions options) {
        ObjectLoader loader = new ObjectLoader(spec, name, options);
        try {
            loader.loadBtf();
            for (MapSpec m : spec.maps()) {
                loader.maps.put(m.name(), loader.map(m));
            }
            for (ProgramSpec p : spec.programs()) {
                loader.programs.put(p.name(), loader.program(p));
            }
            return new LoadedObject(name, spec, loader.maps, loader.programs, loader.btf);
        } catch (RuntimeException e) {
            loader.undo();
            throw e;
        }
    }

    private void undo() {
        programs.values().forEach(BpfProgram::close);
        maps.values().forEach(BpfMap::close);
        btf.ifPresent(KernelBtf::close);
        newPins.forEach(Bpffs::unpin);
    }

    private void loadBtf() {
        if (spec.btf().equals(Btf.EMPTY) || options.offloadIfindex() != 0) {
            return;
        }
        btf = Optional.of(KernelBtf.load(spec.encodeBtf().btf(), name));
    }

    private BpfMap map(MapSpec m) {
        Path pin = options.pinRootOrDefault().resolve(m.name());
        boolean pinned = m.pinning() == Pinning.BY_NAME;
        if ((pinned || options.reusePinnedMaps()) && Files.exists(pin)) {
            return reuse(m, pin);
        }
        BpfMap created = create(m);
        if (pinned) {
            try {
                created.pin(pin);
                newPins.add(pin);
            } catch (RuntimeException e) {
                created.close();
                throw e;
            }
        }
        return created;
    }

    private BpfMap create(MapSpec m) {
        if (m.mapExtra() != 0) {
            throw new DriverException(Kind.BAD_INPUT, "Map " + m.name() + " of " + name + " sets map_extra, which"
                    + " p4ebpf's loader does not support (bloom filters).");
        }
        MapAttributes a = attributes(m);
        if (m.inner().isEmpty()) {
            return BpfMap.create(a);
        }
        try (BpfMap template = BpfMap.create(attributes(m.inner().get()))) {
            return BpfMap.create(a.withInnerMapFd(template.fd().value()));
        }
    }

    private MapAttributes attributes(MapSpec m) {
        MapAttributes a = MapAttributes.of(m.name(), m.type().id(), m.keySize(), m.valueSize(), m.maxEntries(),
                m.flags()).withIfindex(options.offloadIfindex());
        if (btf.isPresent() && (m.btfKeyType() != 0 || m.btfValueType() != 0)) {
            a = a.withBtf(btf.get().fd().value(), m.btfKeyType(), m.btfValueType());
        }
        return a;
    }

    private BpfMap reuse(MapSpec m, Path pin) {
        BpfMap existing = BpfMap.fromPin(pin);
        MapInfo i = existing.info();
        if (i.type() != m.type().id() || i.keySize() != m.keySize() || i.valueSize() != m.valueSize()
                || i.maxEntries() != m.maxEntries()) {
            existing.close();
            throw new DriverException(Kind.PIN_EXISTS, "The map pinned at " + pin + " (" + MapTypes.name(i.type())
                    + ", key " + i.keySize() + " B, value " + i.valueSize() + " B, " + i.maxEntries() + " entries)"
                    + " does not match map " + m.name() + " of " + name + " (" + MapTypes.name(m.type().id())
                    + ", key " + m.keySize() + " B, value " + m.valueSize() + " B, " + m.maxEntries() + " entries)."
                    + " Remove the old pin ('rm " + pin + "') or pin this object elsewhere.");
        }
        return existing;
    }

    private BpfProgram program(ProgramSpec p) {
        LinkedProgram linked;
        try {
            linked = Linker.link(spec, p.name());
        } catch (EncodeException e) {
            throw new DriverException(Kind.BAD_INPUT, "Program " + p.name() + " of " + name + " cannot be linked: "
                    + e.getMessage() + ".", null, e);
        }
        byte[] insns = patched(linked);
        Optional<ProgramAttributes.BtfInfo> info = btf.map(b -> new ProgramAttributes.BtfInfo(b.fd().value(),
                linked.funcInfo(), linked.funcInfoCount(), linked.lineInfo(), linked.lineInfoCount()));
        ProgramAttributes attributes = new ProgramAttributes(p.name(), p.type().id(), insns, linked.license(),
                options.offloadIfindex(), p.attachType().id(), info.filter(i -> i.funcInfoCount() > 0),
                new SourceLines(spec, linked)::describe);
        return BpfProgram.load(attributes);
    }

    /** The instructions with every map reference holding the map's descriptor. */
    private byte[] patched(LinkedProgram linked) {
        byte[] insns = linked.insns();
        for (Reloc r : linked.relocs()) {
            BpfMap m = maps.get(r.symbol());
            if (m == null) {
                throw new DriverException(Kind.BAD_INPUT, "Program " + linked.spec().name() + " of " + name
                        + " refers to a map " + r.symbol() + " that the object does not define.");
            }
            int at = r.slot() * 8;
            int dst = insns[at + 1] & 0x0f;
            switch (r.kind()) {
                case MAP -> insns[at + 1] = (byte) (dst | Uapi.BPF_PSEUDO_MAP_FD << 4);
                case MAP_VALUE -> {
                    insns[at + 1] = (byte) (dst | Uapi.BPF_PSEUDO_MAP_VALUE << 4);
                    System.arraycopy(insns, at + 4, insns, at + 12, 4);
                }
                case CALL -> throw new IllegalStateException("the linker resolves calls");
            }
            int fd = m.fd().value();
            insns[at + 4] = (byte) fd;
            insns[at + 5] = (byte) (fd >> 8);
            insns[at + 6] = (byte) (fd >> 16);
            insns[at + 7] = (byte) (fd >> 24);
        }
        return insns;
    }
}
