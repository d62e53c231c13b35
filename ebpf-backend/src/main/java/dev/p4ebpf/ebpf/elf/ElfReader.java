package dev.p4ebpf.ebpf.elf;

import static dev.p4ebpf.ebpf.elf.Elf.*;

import dev.p4ebpf.ebpf.btf.Btf;
import dev.p4ebpf.ebpf.btf.BtfCodec;
import dev.p4ebpf.ebpf.btf.BtfException;
import dev.p4ebpf.ebpf.btf.BtfExt;
import dev.p4ebpf.ebpf.btf.BtfExtCodec;
import dev.p4ebpf.ebpf.btf.BtfMaps;
import dev.p4ebpf.ebpf.btf.BtfType;
import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.FuncSpec;
import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.MapSpecs;
import dev.p4ebpf.ebpf.object.ProgramSpec;
import dev.p4ebpf.ebpf.object.SectionDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a relocatable BPF ELF object — p4ebpf's own or one of {@code clang -O2 -g -target bpf} —
 * into a {@link BpfObject}: program sections split into programs at their global function
 * symbols, {@code .text} subprograms, map and call relocations made symbolic, BTF-defined maps
 * from {@code .maps}, {@code license}, {@code .BTF} (with DATASEC sizes and offsets filled in from
 * the ELF, as libbpf does) and {@code .BTF.ext} split per function.
 *
 * <p>Refused with an {@link ElfException} saying so: files that are not 64-bit little-endian BPF
 * relocatable ELF, any out-of-range offset or size, the legacy {@code maps} section, data sections
 * ({@code .data}, {@code .rodata*}, {@code .bss}), relocation types other than R_BPF_64_64 on map
 * loads and R_BPF_64_32 on calls, CO-RE relocations, and programs in unknown sections.
 */
public final class ElfReader {
    private final ElfFile elf;

    private ElfReader(ElfFile elf) {
        this.elf = elf;
    }

    public static BpfObject read(Path file) throws ElfException {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ElfException(file + ": cannot read: " + e.getMessage(), e);
        }
        return read(file.toString(), data);
    }

    /** Reads an object from bytes; {@code name} is used in messages. */
    public static BpfObject read(String name, byte[] data) throws ElfException {
        ElfFile elf = ElfFile.parse(name, data);
        try {
            return new ElfReader(elf).object();
        } catch (IllegalArgumentException e) {
            // a model invariant the file's contents violate (an empty name, overlapping info …)
            throw elf.error("inconsistent object: " + e.getMessage());
        }
    }

    private BpfObject object() throws ElfException {
        refuseUnsupportedSections();
        Btf btf = readBtf();
        BtfExt ext = readExt();
        List<MapSpec> maps = readMaps(btf);
        List<ProgramSpec> programs = new ArrayList<>();
        List<FuncSpec> subprograms = new ArrayList<>();
        for (ElfFile.Section s : elf.sections) {
            if (!s.executable() || s.size() == 0) {
                continue;
            }
            List<FuncSpec> funcs = new SectionReader(elf, s, maps, ext).functions();
            if (s.name().equals(BpfObject.TEXT)) {
                subprograms.addAll(funcs);
                continue;
            }
            if (SectionDef.of(s.name()).isEmpty()) {
                throw elf.error("program section '" + s.name() + "' is not a section p4ebpf knows (known: "
                        + SectionDef.known() + ")");
            }
            for (FuncSpec f : funcs) {
                programs.add(ProgramSpec.of(s.name(), f));
            }
        }
        try {
            return new BpfObject(license(), programs, subprograms, maps, btf);
        } catch (IllegalArgumentException e) {
            throw elf.error(e.getMessage());
        }
    }

    private void refuseUnsupportedSections() throws ElfException {
        for (ElfFile.Section s : elf.sections) {
            String n = s.name();
            if (n.equals("maps")) {
                throw elf.error("legacy 'maps' section (struct bpf_map_def) is not supported, as in libbpf 1.x;"
                        + " declare maps in SEC(\".maps\") with __uint/__type (BTF-defined maps)");
            }
            boolean data = n.equals(".data") || n.startsWith(".data.") || n.equals(".bss") || n.startsWith(".bss.")
                    || n.equals(".rodata") || n.startsWith(".rodata.");
            if (data && s.size() > 0) {
                throw elf.error("data section '" + n + "' (global or static variables, string constants) is not"
                        + " supported yet; keep such data in maps");
            }
            if (s.type() == SHT_RELA) {
                throw elf.error("RELA relocation section '" + n + "' is not used by BPF objects (expected SHT_REL)");
            }
        }
    }

    private Btf readBtf() throws ElfException {
        var sec = elf.section(".BTF");
        if (sec.isEmpty()) {
            return Btf.EMPTY;
        }
        try {
            return DatasecFixup.apply(elf, BtfCodec.decode(elf.contents(sec.get())).btf());
        } catch (BtfException e) {
            throw elf.error(".BTF: " + e.getMessage());
        }
    }

    private BtfExt readExt() throws ElfException {
        var btf = elf.section(".BTF");
        var sec = elf.section(".BTF.ext");
        if (sec.isEmpty() || btf.isEmpty()) {
            return BtfExt.EMPTY;
        }
        try {
            BtfExt ext = BtfExtCodec.decode(elf.contents(sec.get()), BtfCodec.decode(elf.contents(btf.get())).strings());
            if (!ext.coreRelo().isEmpty()) {
                throw elf.error(".BTF.ext has CO-RE relocations (__builtin_preserve_access_index / BPF_CORE_READ),"
                        + " which p4ebpf does not support");
            }
            return ext;
        } catch (BtfException e) {
            throw elf.error(".BTF.ext: " + e.getMessage());
        }
    }

    private List<MapSpec> readMaps(Btf btf) throws ElfException {
        var sec = elf.section(BtfMaps.SECTION);
        if (sec.isEmpty()) {
            return List.of();
        }
        if (btf.find(BtfType.Datasec.class, BtfMaps.SECTION).isEmpty()) {
            throw elf.error("section .maps has no BTF description (a DATASEC \".maps\" in .BTF); compile with -g");
        }
        List<MapSpec> out = new ArrayList<>();
        try {
            for (BtfMaps.Found f : BtfMaps.parse(btf)) {
                if (f.offset() < 0 || (long) f.offset() + f.size() > sec.get().size()) {
                    throw elf.error("map '" + f.def().name() + "' lies outside the .maps section");
                }
                out.add(MapSpecs.fromDef(f.def()));
            }
        } catch (BtfException | IllegalArgumentException e) {
            throw elf.error(".maps: " + e.getMessage());
        }
        return out;
    }

    private String license() throws ElfException {
        var sec = elf.section("license");
        if (sec.isEmpty()) {
            return "";
        }
        byte[] b = elf.contents(sec.get());
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }
}
