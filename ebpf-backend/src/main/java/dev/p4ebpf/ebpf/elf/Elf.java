package dev.p4ebpf.ebpf.elf;

/** ELF constants (elf.h, and the BPF relocation types of llvm's BPF backend), declared once. */
final class Elf {
    private Elf() {
    }

    static final int EHDR_SIZE = 64;
    static final int SHDR_SIZE = 64;
    static final int SYM_SIZE = 24;
    static final int REL_SIZE = 16;

    static final byte ELFCLASS64 = 2;
    static final byte ELFDATA2LSB = 1;
    static final int ET_REL = 1;
    static final int EM_BPF = 247;

    static final int SHT_NULL = 0;
    static final int SHT_PROGBITS = 1;
    static final int SHT_SYMTAB = 2;
    static final int SHT_STRTAB = 3;
    static final int SHT_RELA = 4;
    static final int SHT_NOBITS = 8;
    static final int SHT_REL = 9;

    static final long SHF_WRITE = 0x1;
    static final long SHF_ALLOC = 0x2;
    static final long SHF_EXECINSTR = 0x4;
    static final long SHF_INFO_LINK = 0x40;

    static final int STB_LOCAL = 0;
    static final int STB_GLOBAL = 1;
    static final int STB_WEAK = 2;
    static final int STT_NOTYPE = 0;
    static final int STT_OBJECT = 1;
    static final int STT_FUNC = 2;
    static final int STT_SECTION = 3;
    static final int STT_FILE = 4;
    static final int SHN_UNDEF = 0;
    static final int SHN_LORESERVE = 0xff00;

    /** {@code R_BPF_64_64}: LD_IMM64 of a map or data address. */
    static final int R_BPF_64_64 = 1;
    /** {@code R_BPF_64_ABS64}, {@code R_BPF_64_ABS32}, {@code R_BPF_64_NODYLD32}: data relocations (debug info, BTF). */
    static final int R_BPF_64_ABS64 = 2;
    static final int R_BPF_64_ABS32 = 3;
    static final int R_BPF_64_NODYLD32 = 4;
    /** {@code R_BPF_64_32}: a BPF-to-BPF call. */
    static final int R_BPF_64_32 = 10;
}
