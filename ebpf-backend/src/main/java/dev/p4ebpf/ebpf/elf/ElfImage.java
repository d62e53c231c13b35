package dev.p4ebpf.ebpf.elf;

import static dev.p4ebpf.ebpf.elf.Elf.*;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out a relocatable ELF64 little-endian BPF file: sections in the order added (after the
 * null section and {@code .strtab}, which holds both section and symbol names), a symbol table
 * added last, section headers at the end. Output depends only on what was added.
 */
final class ElfImage {
    private record Sec(String name, int type, long flags, byte[] data, int link, int info, int align, int entsize) {
    }

    record Sym(String name, int bind, int type, int shndx, long value, long size) {
    }

    private final List<Sec> sections = new ArrayList<>();
    private final Map<String, Integer> names = new LinkedHashMap<>();
    private final ByteArrayOutputStream strtab = new ByteArrayOutputStream();

    ElfImage() {
        sections.add(new Sec("", SHT_NULL, 0, new byte[0], 0, 0, 0, 0));
        sections.add(new Sec(".strtab", SHT_STRTAB, 0, null, 0, 0, 1, 0));
        name("");
    }

    private int name(String s) {
        return names.computeIfAbsent(s, k -> {
            int at = strtab.size();
            strtab.writeBytes(k.getBytes(StandardCharsets.UTF_8));
            strtab.write(0);
            return at;
        });
    }

    /** Adds a section; returns its index. */
    int section(String name, int type, long flags, byte[] data, int align) {
        sections.add(new Sec(name, type, flags, data, 0, 0, align, 0));
        return sections.size() - 1;
    }

    /** Index the next section will get. */
    int nextIndex() {
        return sections.size();
    }

    /** Adds a {@code .rel<target>} section of R_BPF relocations (offset, symbol, type), linked to the symtab. */
    int relocations(String targetName, int target, int symtab, List<long[]> rels) {
        ByteBuffer b = ByteBuffer.allocate(rels.size() * REL_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (long[] r : rels) {
            b.putLong(r[0]).putLong(r[1] << 32 | r[2]);
        }
        sections.add(new Sec(".rel" + targetName, SHT_REL, SHF_INFO_LINK, b.array(), symtab, target, 8, REL_SIZE));
        return sections.size() - 1;
    }

    /** Adds the symbol table (locals must come first); returns its index. */
    int symtab(List<Sym> syms) {
        int firstGlobal = syms.size();
        for (int i = 0; i < syms.size(); i++) {
            if (syms.get(i).bind() != STB_LOCAL) {
                firstGlobal = i;
                break;
            }
        }
        ByteBuffer b = ByteBuffer.allocate(syms.size() * SYM_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (Sym s : syms) {
            b.putInt(s.type() == STT_SECTION ? 0 : name(s.name())).put((byte) (s.bind() << 4 | s.type())).put((byte) 0)
                    .putShort((short) s.shndx()).putLong(s.value()).putLong(s.size());
        }
        sections.add(new Sec(".symtab", SHT_SYMTAB, 0, b.array(), 1, firstGlobal, 8, SYM_SIZE));
        return sections.size() - 1;
    }

    byte[] bytes() {
        sections.forEach(s -> name(s.name()));
        byte[] strings = strtab.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[EHDR_SIZE]);
        long[] offsets = new long[sections.size()];
        for (int i = 1; i < sections.size(); i++) {
            Sec s = sections.get(i);
            byte[] data = i == 1 ? strings : s.data();
            pad(out, Math.max(1, s.align()));
            offsets[i] = out.size();
            out.writeBytes(data);
        }
        pad(out, 8);
        long shoff = out.size();
        ByteBuffer sh = ByteBuffer.allocate(sections.size() * SHDR_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < sections.size(); i++) {
            Sec s = sections.get(i);
            long size = i == 1 ? strings.length : s.data().length;
            sh.putInt(i == 0 ? 0 : names.get(s.name())).putInt(s.type()).putLong(s.flags()).putLong(0)
                    .putLong(i == 0 ? 0 : offsets[i]).putLong(size).putInt(s.link()).putInt(s.info())
                    .putLong(s.align()).putLong(s.entsize());
        }
        out.writeBytes(sh.array());
        byte[] file = out.toByteArray();
        ByteBuffer h = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[] {0x7f, 'E', 'L', 'F', ELFCLASS64, ELFDATA2LSB, 1, 0});
        h.putShort(16, (short) ET_REL).putShort(18, (short) EM_BPF).putInt(20, 1).putLong(24, 0).putLong(32, 0)
                .putLong(40, shoff).putInt(48, 0).putShort(52, (short) EHDR_SIZE).putShort(54, (short) 0)
                .putShort(56, (short) 0).putShort(58, (short) SHDR_SIZE).putShort(60, (short) sections.size())
                .putShort(62, (short) 1);
        return file;
    }

    private static void pad(ByteArrayOutputStream out, int align) {
        while (out.size() % align != 0) {
            out.write(0);
        }
    }
}
