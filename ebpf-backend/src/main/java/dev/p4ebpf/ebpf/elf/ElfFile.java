package dev.p4ebpf.ebpf.elf;

import static dev.p4ebpf.ebpf.elf.Elf.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The raw structure of a 64-bit little-endian relocatable BPF ELF file: section headers,
 * symbols, relocations. Every offset and size is checked against the file before use, so a
 * corrupt file fails with an {@link ElfException} naming the bad field.
 */
final class ElfFile {
    record Section(int index, String name, int type, long flags, long offset, long size, int link, int info,
                   long align, long entsize) {
        boolean executable() {
            return type == SHT_PROGBITS && (flags & SHF_EXECINSTR) != 0;
        }
    }

    record Symbol(int index, String name, int bind, int type, int shndx, long value, long size) {
    }

    record Rel(long offset, int symbol, int type) {
    }

    final String file;
    private final byte[] data;
    private final ByteBuffer buf;
    final List<Section> sections = new ArrayList<>();
    final List<Symbol> symbols = new ArrayList<>();

    private ElfFile(String file, byte[] data) {
        this.file = file;
        this.data = data;
        this.buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    static ElfFile parse(String file, byte[] data) throws ElfException {
        ElfFile f = new ElfFile(file, data);
        f.header();
        return f;
    }

    ElfException error(String what) {
        return new ElfException(file + ": " + what);
    }

    private void header() throws ElfException {
        if (data.length < EHDR_SIZE || data[0] != 0x7f || data[1] != 'E' || data[2] != 'L' || data[3] != 'F') {
            throw error("not an ELF file (no ELF magic in the first " + EHDR_SIZE + " bytes)");
        }
        if (data[4] != ELFCLASS64 || data[5] != ELFDATA2LSB) {
            throw error("not a 64-bit little-endian ELF file (class " + data[4] + ", data " + data[5]
                    + "); compile with clang -target bpf (bpfel)");
        }
        int type = buf.getShort(16) & 0xffff;
        int machine = buf.getShort(18) & 0xffff;
        if (machine != EM_BPF) {
            throw error("not a BPF object: e_machine is " + machine + ", not EM_BPF (247)");
        }
        if (type != ET_REL) {
            throw error("not a relocatable object: e_type is " + type + ", not ET_REL (1)");
        }
        long shoff = buf.getLong(40);
        int shentsize = buf.getShort(58) & 0xffff;
        int shnum = buf.getShort(60) & 0xffff;
        int shstrndx = buf.getShort(62) & 0xffff;
        if (shnum == 0 || shentsize != SHDR_SIZE) {
            throw error("unsupported section header table: " + shnum + " entries of " + shentsize + " bytes");
        }
        checkRange("section header table", shoff, (long) shnum * SHDR_SIZE);
        if (shstrndx >= shnum) {
            throw error("section name table index " + shstrndx + " is not one of the " + shnum + " sections");
        }
        List<long[]> raw = new ArrayList<>();
        for (int i = 0; i < shnum; i++) {
            raw.add(sectionHeader(shoff + (long) i * SHDR_SIZE, i));
        }
        long[] shstr = raw.get(shstrndx);
        byte[] names = bytes(shstr[3], shstr[4], "section name table");
        for (int i = 0; i < shnum; i++) {
            long[] h = raw.get(i);
            String name = string(names, h[0], "name of section " + i);
            sections.add(new Section(i, name, (int) h[1], h[2], h[3], h[4], (int) h[5], (int) h[6], h[7], h[8]));
        }
        readSymbols();
    }

    /** name, type, flags, offset, size, link, info, align, entsize — offset and size checked. */
    private long[] sectionHeader(long at, int index) throws ElfException {
        int p = (int) at;
        long[] h = {Integer.toUnsignedLong(buf.getInt(p)), Integer.toUnsignedLong(buf.getInt(p + 4)), buf.getLong(p + 8),
                buf.getLong(p + 24), buf.getLong(p + 32), Integer.toUnsignedLong(buf.getInt(p + 40)),
                Integer.toUnsignedLong(buf.getInt(p + 44)), buf.getLong(p + 48), buf.getLong(p + 56)};
        if (h[1] != SHT_NOBITS && h[1] != SHT_NULL) {
            checkRange("section " + index + " contents", h[3], h[4]);
        }
        return h;
    }

    private void checkRange(String what, long offset, long size) throws ElfException {
        if (offset < 0 || size < 0 || offset > data.length || size > data.length - offset) {
            throw error(what + " [offset " + Long.toUnsignedString(offset) + ", size " + Long.toUnsignedString(size)
                    + "] lies outside the " + data.length + "-byte file (truncated or corrupt)");
        }
    }

    private byte[] bytes(long offset, long size, String what) throws ElfException {
        checkRange(what, offset, size);
        return Arrays.copyOfRange(data, (int) offset, (int) (offset + size));
    }

    byte[] contents(Section s) throws ElfException {
        if (s.type() == SHT_NOBITS) {
            return new byte[0];
        }
        return bytes(s.offset(), s.size(), "section " + s.name());
    }

    private String string(byte[] table, long offset, String what) throws ElfException {
        if (offset < 0 || offset >= table.length) {
            throw error(what + ": string offset " + offset + " is outside its " + table.length + "-byte string table");
        }
        int end = (int) offset;
        while (end < table.length && table[end] != 0) {
            end++;
        }
        if (end == table.length) {
            throw error(what + ": string at offset " + offset + " is not NUL-terminated");
        }
        return new String(table, (int) offset, end - (int) offset, StandardCharsets.UTF_8);
    }

    private void readSymbols() throws ElfException {
        List<Section> tabs = sections.stream().filter(s -> s.type() == SHT_SYMTAB).toList();
        if (tabs.size() != 1) {
            throw error("expected one symbol table (.symtab), found " + tabs.size());
        }
        Section tab = tabs.getFirst();
        if (tab.link() <= 0 || tab.link() >= sections.size() || sections.get(tab.link()).type() != SHT_STRTAB) {
            throw error(".symtab's string table (section " + tab.link() + ") is not a string table");
        }
        if (tab.entsize() != SYM_SIZE || tab.size() % SYM_SIZE != 0) {
            throw error(".symtab entries are " + tab.entsize() + " bytes (size " + tab.size() + "), not " + SYM_SIZE);
        }
        byte[] names = contents(sections.get(tab.link()));
        ByteBuffer b = ByteBuffer.wrap(contents(tab)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < tab.size() / SYM_SIZE; i++) {
            int p = i * SYM_SIZE;
            String name = string(names, Integer.toUnsignedLong(b.getInt(p)), "name of symbol " + i);
            int info = b.get(p + 4) & 0xff;
            int shndx = b.getShort(p + 6) & 0xffff;
            if (shndx != SHN_UNDEF && shndx < SHN_LORESERVE && shndx >= sections.size()) {
                throw error("symbol " + i + " (" + name + ") is in section " + shndx + ", which does not exist");
            }
            if (name.isEmpty() && (info & 0xf) == STT_SECTION && shndx != SHN_UNDEF && shndx < sections.size()) {
                name = sections.get(shndx).name();
            }
            symbols.add(new Symbol(i, name, info >>> 4, info & 0xf, shndx, b.getLong(p + 8), b.getLong(p + 16)));
        }
    }

    /** The relocations of a SHT_REL section, each checked to name an existing symbol. */
    List<Rel> rels(Section s) throws ElfException {
        if (s.entsize() != REL_SIZE || s.size() % REL_SIZE != 0) {
            throw error("relocation section " + s.name() + " has " + s.entsize() + "-byte entries (size " + s.size()
                    + "), not " + REL_SIZE);
        }
        ByteBuffer b = ByteBuffer.wrap(contents(s)).order(ByteOrder.LITTLE_ENDIAN);
        List<Rel> out = new ArrayList<>();
        for (int i = 0; i < s.size() / REL_SIZE; i++) {
            long off = b.getLong(i * REL_SIZE);
            long info = b.getLong(i * REL_SIZE + 8);
            long sym = info >>> 32;
            if (sym >= symbols.size()) {
                throw error(s.name() + " entry " + i + " names symbol " + sym + ", but there are " + symbols.size());
            }
            out.add(new Rel(off, (int) sym, (int) info));
        }
        return out;
    }

    /** The section a symbol is defined in; empty for undefined, absolute and common symbols. */
    Optional<Section> sectionOf(Symbol s) {
        return s.shndx() == SHN_UNDEF || s.shndx() >= sections.size() ? Optional.empty() : Optional.of(sections.get(s.shndx()));
    }

    Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
