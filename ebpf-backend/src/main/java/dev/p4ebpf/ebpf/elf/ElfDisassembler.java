package dev.p4ebpf.ebpf.elf;

import static dev.p4ebpf.ebpf.elf.Elf.*;

import dev.p4ebpf.ebpf.insn.DecodeException;
import dev.p4ebpf.ebpf.insn.Decoder;
import dev.p4ebpf.ebpf.insn.Disassembler;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lists the code sections of a BPF ELF file as {@code llvm-objdump -dr --mcpu=v4} does: for each
 * executable section its function symbols, instructions (decoded from the raw bytes, so calls
 * and map loads show their placeholder immediates) and relocation lines.
 */
public final class ElfDisassembler {
    private ElfDisassembler() {
    }

    public static String disassemble(String name, byte[] data) throws ElfException {
        ElfFile elf = ElfFile.parse(name, data);
        StringBuilder out = new StringBuilder();
        for (ElfFile.Section s : elf.sections) {
            if (!s.executable() || s.size() == 0) {
                continue;
            }
            byte[] bytes = elf.contents(s);
            TreeMap<Integer, String> symbols = new TreeMap<>();
            for (ElfFile.Symbol sym : elf.symbols) {
                if (sym.shndx() == s.index() && sym.type() != STT_SECTION && sym.type() != STT_FILE && sym.value() % 8 == 0
                        && sym.value() >= 0 && sym.value() < bytes.length) {
                    symbols.putIfAbsent((int) (sym.value() / 8), sym.name());
                }
            }
            Map<Integer, String> relocs = new HashMap<>();
            for (ElfFile.Section rs : elf.sections) {
                if (rs.type() == SHT_REL && rs.info() == s.index()) {
                    for (ElfFile.Rel r : elf.rels(rs)) {
                        relocs.put((int) (r.offset() / 8), typeName(r.type()) + "\t" + elf.symbols.get(r.symbol()).name());
                    }
                }
            }
            try {
                var insns = Decoder.decode(bytes).insns();
                out.append("\nDisassembly of section ").append(s.name()).append(":\n\n");
                out.append(Disassembler.plain().withSymbols(symbols).withRelocations(relocs).print(bytes, insns));
            } catch (DecodeException e) {
                throw elf.error("section " + s.name() + ": " + e.getMessage());
            }
        }
        return out.toString();
    }

    static String typeName(int type) {
        return switch (type) {
            case R_BPF_64_64 -> "R_BPF_64_64";
            case R_BPF_64_ABS64 -> "R_BPF_64_ABS64";
            case R_BPF_64_ABS32 -> "R_BPF_64_ABS32";
            case R_BPF_64_NODYLD32 -> "R_BPF_64_NODYLD32";
            case R_BPF_64_32 -> "R_BPF_64_32";
            default -> "R_BPF_" + type;
        };
    }
}
