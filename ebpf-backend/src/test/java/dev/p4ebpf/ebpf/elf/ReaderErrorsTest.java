package dev.p4ebpf.ebpf.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.Encoder;
import dev.p4ebpf.ebpf.insn.Jmp;
import dev.p4ebpf.ebpf.insn.LdImm64;
import dev.p4ebpf.ebpf.insn.Reg;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of unreadable or unsupported object is refused with a message that says what and where. */
class ReaderErrorsTest {
    private static void refused(byte[] bytes, String reason) {
        ElfException e = assertThrows(ElfException.class, () -> ElfReader.read("bad.o", bytes));
        assertTrue(e.getMessage().startsWith("bad.o: "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), "'" + e.getMessage() + "' should mention '" + reason + "'");
    }

    private static byte[] valid() throws Exception {
        return ElfWriter.write(DslObjects.xdpFilter());
    }

    private static byte[] patched(int at, int value, int width) throws Exception {
        byte[] b = valid();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        switch (width) {
            case 1 -> buf.put(at, (byte) value);
            case 2 -> buf.putShort(at, (short) value);
            default -> buf.putLong(at, value);
        }
        return b;
    }

    @Test
    void notBpfElf() throws Exception {
        refused("hello, world".getBytes(), "not an ELF file");
        refused(patched(4, 1, 1), "not a 64-bit little-endian ELF");
        refused(patched(5, 2, 1), "not a 64-bit little-endian ELF");
        refused(patched(18, 62, 2), "e_machine is 62, not EM_BPF (247)");
        refused(patched(16, 2, 2), "not a relocatable object");
    }

    @Test
    void truncatedOrOutOfRange() throws Exception {
        byte[] v = valid();
        refused(Arrays.copyOf(v, v.length / 2), "outside the");
        refused(patched(40, 1 << 30, 8), "section header table");
        long shoff = ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getLong(40);
        refused(patched((int) shoff + 64 * 2 + 24, 1 << 30, 8), "section 2 contents");
        refused(patched((int) shoff + 64 * 2 + 32, -1, 8), "section 2 contents");
    }

    /** A minimal object: one program in {@code section} that loads a constant and exits, maybe relocated. */
    private static ElfImage image(String section, int funcBind, int relType) throws Exception {
        ElfImage img = new ElfImage();
        byte[] code = Encoder.encode(Code.of(LdImm64.imm(Reg.R1, 0), Jmp.exit())).bytes();
        int sec = img.section(section, Elf.SHT_PROGBITS, Elf.SHF_ALLOC | Elf.SHF_EXECINSTR, code, 8);
        int lic = img.section("license", Elf.SHT_PROGBITS, Elf.SHF_ALLOC, "GPL\0".getBytes(), 1);
        if (relType != 0) {
            img.relocations(section, sec, 5, List.of(new long[] {0, 2, relType}));
        }
        img.symtab(List.of(new ElfImage.Sym("", Elf.STB_LOCAL, Elf.STT_NOTYPE, 0, 0, 0),
                new ElfImage.Sym("p", funcBind, Elf.STT_FUNC, sec, 0, code.length),
                new ElfImage.Sym("_license", Elf.STB_GLOBAL, Elf.STT_OBJECT, lic, 0, 4)));
        return img;
    }

    @Test
    void craftedMinimalObjectReads() throws Exception {
        var obj = ElfReader.read("ok.o", image("xdp", Elf.STB_GLOBAL, 0).bytes());
        assertEquals("p", obj.programs().getFirst().name());
        assertEquals("GPL", obj.license());
    }

    @Test
    void unsupportedContents() throws Exception {
        refused(image("kprobe/sys_open", Elf.STB_GLOBAL, 0).bytes(), "'kprobe/sys_open' is not a section p4ebpf knows");
        refused(image("xdp", Elf.STB_LOCAL, 0).bytes(), "static function 'p'");
        refused(image("xdp", Elf.STB_GLOBAL, Elf.R_BPF_64_ABS64).bytes(), "relocation type 2");
        refused(rebuildWithExtra("maps"), "legacy 'maps' section");
        refused(rebuildWithExtra(".data"), "data section '.data'");
        refused(rebuildWithExtra(".rodata.str1.1"), "data section '.rodata.str1.1'");
    }

    private static byte[] rebuildWithExtra(String name) throws Exception {
        ElfImage img = new ElfImage();
        byte[] code = Encoder.encode(Code.of(Jmp.exit())).bytes();
        int sec = img.section("xdp", Elf.SHT_PROGBITS, Elf.SHF_ALLOC | Elf.SHF_EXECINSTR, code, 8);
        img.section(name, Elf.SHT_PROGBITS, Elf.SHF_ALLOC | Elf.SHF_WRITE, new byte[8], 8);
        img.symtab(List.of(new ElfImage.Sym("", Elf.STB_LOCAL, Elf.STT_NOTYPE, 0, 0, 0),
                new ElfImage.Sym("p", Elf.STB_GLOBAL, Elf.STT_FUNC, sec, 0, code.length)));
        return img.bytes();
    }

    @Test
    void mapRelocationThatIsNotAMap() throws Exception {
        ElfImage img = new ElfImage();
        byte[] code = Encoder.encode(Code.of(LdImm64.imm(Reg.R1, 0), Jmp.exit())).bytes();
        int sec = img.section("xdp", Elf.SHT_PROGBITS, Elf.SHF_ALLOC | Elf.SHF_EXECINSTR, code, 8);
        img.relocations("xdp", sec, 4, List.of(new long[] {0, 2, Elf.R_BPF_64_64}));
        img.symtab(List.of(new ElfImage.Sym("", Elf.STB_LOCAL, Elf.STT_NOTYPE, 0, 0, 0),
                new ElfImage.Sym("p", Elf.STB_GLOBAL, Elf.STT_FUNC, sec, 0, code.length),
                new ElfImage.Sym("ext_var", Elf.STB_GLOBAL, Elf.STT_NOTYPE, 0, 0, 0)));
        refused(img.bytes(), "undefined or absolute symbol 'ext_var'");
    }
}
