package dev.p4ebpf.ebpf.elf;

import static dev.p4ebpf.ebpf.elf.Elf.*;

import dev.p4ebpf.ebpf.btf.BtfException;
import dev.p4ebpf.ebpf.btf.BtfExtCodec;
import dev.p4ebpf.ebpf.btf.BtfMaps;
import dev.p4ebpf.ebpf.insn.EncodeException;
import dev.p4ebpf.ebpf.insn.Encoded;
import dev.p4ebpf.ebpf.insn.Encoder;
import dev.p4ebpf.ebpf.insn.Reloc;
import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.FuncSpec;
import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.MapSpecs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link BpfObject} as a relocatable BPF ELF file that libbpf (bpftool, ip, tc) and
 * p4ebpf's reader load: one section per program section name with a global {@code STT_FUNC}
 * symbol per program, {@code .text} with a local {@code STT_FUNC} per subprogram, {@code license},
 * a zero-filled {@code .maps} laid out by its BTF DATASEC with a global object symbol per map,
 * {@code .BTF}, {@code .BTF.ext} when there is function or line info, {@code .symtab},
 * {@code .strtab} and {@code .rel<section>} with {@code R_BPF_64_64} on map loads and
 * {@code R_BPF_64_32} on calls into {@code .text} from other sections (calls within {@code .text}
 * are resolved in place, as clang does). The same object always gives the same bytes.
 */
public final class ElfWriter {
    private ElfWriter() {
    }

    /** The file's bytes. */
    public static byte[] write(BpfObject obj) throws ElfException {
        checkMaps(obj);
        ElfImage img = new ElfImage();
        List<BpfObject.CodeSection> code = obj.codeSections();
        Map<String, Integer> textSlot = new HashMap<>();
        code.stream().filter(s -> s.name().equals(BpfObject.TEXT)).findFirst().ifPresent(t -> {
            for (int i = 0; i < t.functions().size(); i++) {
                textSlot.put(t.functions().get(i).name(), t.offsets().get(i));
            }
        });
        int textSymbol = 1 + indexOf(code, BpfObject.TEXT);
        Map<String, Integer> mapSymbol = new HashMap<>();
        for (int i = 0; i < obj.maps().size(); i++) {
            mapSymbol.put(obj.maps().get(i).name(), 1 + code.size() + textCount(obj) + obj.programs().size() + i);
        }
        int symtabIndex = predictSymtabIndex(obj, code);
        List<ElfImage.Sym> syms = new ArrayList<>();
        List<ElfImage.Sym> globals = new ArrayList<>();
        syms.add(new ElfImage.Sym("", STB_LOCAL, STT_NOTYPE, 0, 0, 0));
        List<ElfImage.Sym> textFuncs = new ArrayList<>();
        for (BpfObject.CodeSection s : code) {
            List<long[]> rels = new ArrayList<>();
            byte[] bytes = encodeSection(s, textSlot, textSymbol, mapSymbol, rels);
            int idx = img.section(s.name(), SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, bytes, 8);
            syms.add(new ElfImage.Sym(s.name(), STB_LOCAL, STT_SECTION, idx, 0, 0));
            for (int i = 0; i < s.functions().size(); i++) {
                FuncSpec f = s.functions().get(i);
                boolean text = s.name().equals(BpfObject.TEXT);
                var sym = new ElfImage.Sym(f.name(), text ? STB_LOCAL : STB_GLOBAL, STT_FUNC, idx,
                        s.offsets().get(i) * 8L, f.code().slots() * 8L);
                (text ? textFuncs : globals).add(sym);
            }
            if (!rels.isEmpty()) {
                img.relocations(s.name(), idx, symtabIndex, rels);
            }
        }
        syms.addAll(textFuncs);
        int license = img.section("license", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, licenseBytes(obj), 1);
        if (!obj.maps().isEmpty()) {
            int maps = img.section(BtfMaps.SECTION, SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, new byte[mapsSize(obj)], 8);
            for (BtfMaps.Found f : foundMaps(obj)) {
                globals.add(new ElfImage.Sym(f.def().name(), STB_GLOBAL, STT_OBJECT, maps, f.offset(), f.size()));
            }
        }
        globals.add(new ElfImage.Sym("_license", STB_GLOBAL, STT_OBJECT, license, 0, licenseBytes(obj).length));
        BtfExtCodec.Encoded btf = obj.encodeBtf();
        if (obj.btf().size() > 0) {
            img.section(".BTF", SHT_PROGBITS, 0, btf.btf(), 4);
            if (btf.ext().length > 0) {
                img.section(".BTF.ext", SHT_PROGBITS, 0, btf.ext(), 4);
            }
        }
        syms.addAll(globals);
        int actual = img.symtab(syms);
        if (actual != symtabIndex || syms.size() != 1 + code.size() + textCount(obj) + obj.programs().size()
                + obj.maps().size() + 1) {
            throw new IllegalStateException("ELF layout mismatch: symtab " + actual + " vs " + symtabIndex);
        }
        return img.bytes();
    }

    /** Writes the file atomically: either the whole file appears at {@code path}, or nothing changes. */
    public static void write(BpfObject obj, Path path) throws ElfException {
        byte[] bytes = write(obj);
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ElfException(path + ": cannot write the object: " + e.getMessage()
                    + " (check that the directory exists and is writable)", e);
        } finally {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // the move succeeded or the file is gone; nothing else to clean up
            }
        }
    }

    private static int textCount(BpfObject obj) {
        return obj.subprograms().size();
    }

    private static int indexOf(List<BpfObject.CodeSection> code, String name) {
        for (int i = 0; i < code.size(); i++) {
            if (code.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Sections before .symtab: null, .strtab, code (+ rel), license, .maps, .BTF, .BTF.ext. */
    private static int predictSymtabIndex(BpfObject obj, List<BpfObject.CodeSection> code) throws ElfException {
        int n = 2;
        for (BpfObject.CodeSection s : code) {
            n += 1 + (hasRelocations(s) ? 1 : 0);
        }
        n += 1 + (obj.maps().isEmpty() ? 0 : 1);
        if (obj.btf().size() > 0) {
            n += 1 + (obj.btfExt().isEmpty() ? 0 : 1);
        }
        return n;
    }

    private static boolean hasRelocations(BpfObject.CodeSection s) throws ElfException {
        boolean text = s.name().equals(BpfObject.TEXT);
        for (FuncSpec f : s.functions()) {
            if (!f.referencedMaps().isEmpty() || (!text && !f.calledFunctions().isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private static byte[] encodeSection(BpfObject.CodeSection s, Map<String, Integer> textSlot, int textSymbol,
                                        Map<String, Integer> mapSymbol, List<long[]> rels) throws ElfException {
        ByteBuffer out = ByteBuffer.allocate(s.slots() * Encoder.SLOT).order(ByteOrder.LITTLE_ENDIAN);
        boolean inText = s.name().equals(BpfObject.TEXT);
        for (int i = 0; i < s.functions().size(); i++) {
            FuncSpec f = s.functions().get(i);
            int base = s.offsets().get(i);
            Encoded enc;
            try {
                enc = Encoder.encode(f.code());
            } catch (EncodeException e) {
                throw new ElfException("function " + f.name() + ": " + e.getMessage());
            }
            out.put(base * Encoder.SLOT, enc.bytes());
            for (Reloc r : enc.relocs()) {
                int slot = base + r.slot();
                switch (r.kind()) {
                    case MAP -> rels.add(new long[] {slot * 8L, mapSymbol.get(r.symbol()), R_BPF_64_64});
                    case CALL -> {
                        int callee = textSlot.get(r.symbol());
                        if (inText) {
                            out.putInt(slot * 8 + 4, callee - slot - 1);
                        } else {
                            out.putInt(slot * 8 + 4, callee - 1);
                            rels.add(new long[] {slot * 8L, textSymbol, R_BPF_64_32});
                        }
                    }
                    case MAP_VALUE -> throw new ElfException("function " + f.name() + " loads an address in '"
                            + r.symbol() + "': data sections are not supported by the ELF writer yet");
                    case FUNC -> throw new ElfException("function " + f.name() + " takes the address of '"
                            + r.symbol() + "' (BPF_PSEUDO_FUNC): not supported by the ELF writer yet");
                }
            }
        }
        return out.array();
    }

    private static byte[] licenseBytes(BpfObject obj) {
        byte[] b = obj.license().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }

    private static List<BtfMaps.Found> foundMaps(BpfObject obj) throws ElfException {
        try {
            return BtfMaps.parse(obj.btf());
        } catch (BtfException e) {
            throw new ElfException("the object's .maps BTF is invalid: " + e.getMessage());
        }
    }

    private static int mapsSize(BpfObject obj) throws ElfException {
        long end = 0;
        for (BtfMaps.Found f : foundMaps(obj)) {
            end = Math.max(end, (long) f.offset() + f.size());
        }
        return (int) end;
    }

    /** The maps the spec lists must be exactly the ones its BTF describes, in the same order. */
    private static void checkMaps(BpfObject obj) throws ElfException {
        List<BtfMaps.Found> found = foundMaps(obj);
        if (found.size() != obj.maps().size()) {
            throw new ElfException("the object lists " + obj.maps().size() + " maps but its BTF .maps describes "
                    + found.size());
        }
        for (int i = 0; i < found.size(); i++) {
            MapSpec fromBtf;
            try {
                fromBtf = MapSpecs.fromDef(found.get(i).def());
            } catch (IllegalArgumentException e) {
                throw new ElfException(e.getMessage());
            }
            if (!fromBtf.equals(obj.maps().get(i))) {
                throw new ElfException("map " + obj.maps().get(i).name() + ": the spec " + obj.maps().get(i)
                        + " differs from its BTF definition " + fromBtf);
            }
        }
    }
}
