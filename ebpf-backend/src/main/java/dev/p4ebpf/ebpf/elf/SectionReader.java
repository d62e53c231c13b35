package dev.p4ebpf.ebpf.elf;

import static dev.p4ebpf.ebpf.elf.Elf.*;

import dev.p4ebpf.ebpf.btf.BtfExt;
import dev.p4ebpf.ebpf.btf.BtfMaps;
import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.DecodeException;
import dev.p4ebpf.ebpf.insn.Decoder;
import dev.p4ebpf.ebpf.insn.Imm64;
import dev.p4ebpf.ebpf.insn.Insn;
import dev.p4ebpf.ebpf.insn.Label;
import dev.p4ebpf.ebpf.insn.Offset;
import dev.p4ebpf.ebpf.insn.Reloc;
import dev.p4ebpf.ebpf.insn.Target;
import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.FuncSpec;
import dev.p4ebpf.ebpf.object.MapSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Reads one executable section into its functions, with symbolic map and call references. */
final class SectionReader {
    private final ElfFile elf;
    private final ElfFile.Section sec;
    private final List<MapSpec> maps;
    private final BtfExt ext;

    SectionReader(ElfFile elf, ElfFile.Section sec, List<MapSpec> maps, BtfExt ext) {
        this.elf = elf;
        this.sec = sec;
        this.maps = maps;
        this.ext = ext;
    }

    private ElfException error(String what) {
        return elf.error("section " + sec.name() + ": " + what);
    }

    List<FuncSpec> functions() throws ElfException {
        byte[] bytes = elf.contents(sec);
        if (bytes.length % 8 != 0) {
            throw error("size " + bytes.length + " is not a multiple of the 8-byte instruction size");
        }
        TreeMap<Integer, ElfFile.Symbol> funcs = functionSymbols(bytes.length / 8);
        Code code;
        try {
            code = Decoder.decode(bytes, relocations(bytes));
        } catch (DecodeException e) {
            throw error(e.getMessage());
        }
        int[] slotAt = code.slotOffsets();
        List<FuncSpec> out = new ArrayList<>();
        for (var e : funcs.entrySet()) {
            int start = e.getKey();
            int end = start + (int) (e.getValue().size() / 8);
            out.add(function(e.getValue().name(), code, slotAt, start, end, funcs));
        }
        return out;
    }

    private TreeMap<Integer, ElfFile.Symbol> functionSymbols(int slots) throws ElfException {
        TreeMap<Integer, ElfFile.Symbol> funcs = new TreeMap<>();
        boolean text = sec.name().equals(BpfObject.TEXT);
        for (ElfFile.Symbol s : elf.symbols) {
            if (s.shndx() != sec.index() || s.type() != STT_FUNC) {
                continue;
            }
            if (!text && s.bind() == STB_LOCAL) {
                throw error("static function '" + s.name() + "' in a program section is not supported (libbpf"
                        + " refuses static programs); make it global, or move it to .text");
            }
            if (s.value() % 8 != 0 || s.size() % 8 != 0 || s.size() == 0 || s.value() < 0
                    || s.value() / 8 + s.size() / 8 > slots) {
                throw error("function symbol '" + s.name() + "' [" + s.value() + ", +" + s.size()
                        + ") is not a whole number of instructions inside the section");
            }
            if (funcs.put((int) (s.value() / 8), s) != null) {
                throw error("two function symbols start at byte " + s.value());
            }
        }
        if (funcs.isEmpty()) {
            throw error("holds code but no function symbol");
        }
        int end = 0;
        for (var e : funcs.entrySet()) {
            if (e.getKey() < end) {
                throw error("function '" + e.getValue().name() + "' overlaps the one before it");
            }
            end = e.getKey() + (int) (e.getValue().size() / 8);
        }
        return funcs;
    }

    private List<Reloc> relocations(byte[] bytes) throws ElfException {
        List<Reloc> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (ElfFile.Section rs : elf.sections) {
            if (rs.type() != SHT_REL || rs.info() != sec.index()) {
                continue;
            }
            for (ElfFile.Rel r : elf.rels(rs)) {
                if (r.offset() < 0 || r.offset() % 8 != 0 || r.offset() + 8 > bytes.length) {
                    throw error("relocation at byte " + r.offset() + " is not at an instruction of the section");
                }
                int slot = (int) (r.offset() / 8);
                ElfFile.Symbol sym = elf.symbols.get(r.symbol());
                out.add(switch (r.type()) {
                    case R_BPF_64_64 -> mapReloc(slot, sym);
                    case R_BPF_64_32 -> callReloc(slot, sym, b.getInt(slot * 8 + 4));
                    default -> throw error("relocation type " + r.type() + " at byte " + r.offset()
                            + " is not supported (only R_BPF_64_64 on map loads and R_BPF_64_32 on calls)");
                });
            }
        }
        return out;
    }

    private Reloc mapReloc(int slot, ElfFile.Symbol sym) throws ElfException {
        var in = elf.sectionOf(sym);
        if (in.isEmpty()) {
            throw error("instruction " + slot + " refers to undefined or absolute symbol '" + sym.name()
                    + "' (extern variables and ksyms are not supported)");
        }
        ElfFile.Section target = in.get();
        if (!target.name().equals(BtfMaps.SECTION)) {
            throw error("instruction " + slot + " loads the address of '" + sym.name() + "' in section "
                    + target.name() + "; only maps in .maps are supported");
        }
        if (maps.stream().noneMatch(m -> m.name().equals(sym.name()))) {
            throw error("instruction " + slot + " refers to '" + sym.name() + "', which is not a map in .maps");
        }
        return new Reloc(slot, Reloc.Kind.MAP, sym.name());
    }

    private Reloc callReloc(int slot, ElfFile.Symbol sym, int imm) throws ElfException {
        if (elf.sectionOf(sym).filter(t -> t.name().equals(BpfObject.TEXT)).isEmpty()) {
            throw error("call at instruction " + slot + " of '" + sym.name() + "' does not go to .text"
                    + " (extern functions and kfuncs are not supported)");
        }
        long target = sym.value() / 8 + imm + 1;
        for (ElfFile.Symbol s : elf.symbols) {
            if (s.shndx() == sym.shndx() && s.type() == STT_FUNC && s.value() == target * 8) {
                return new Reloc(slot, Reloc.Kind.CALL, s.name());
            }
        }
        throw error("call at instruction " + slot + " goes to .text instruction " + target
                + ", where no function starts");
    }

    private FuncSpec function(String name, Code code, int[] slotAt, int start, int end,
                              TreeMap<Integer, ElfFile.Symbol> funcs) throws ElfException {
        int from = java.util.Arrays.binarySearch(slotAt, start);
        int to = java.util.Arrays.binarySearch(slotAt, end);
        if (from < 0 || to < 0) {
            throw error("function '" + name + "' does not start and end at instruction boundaries");
        }
        List<Insn> insns = new ArrayList<>();
        for (int i = from; i < to; i++) {
            insns.add(localize(code.insns().get(i), slotAt[i], name, start, end, funcs));
        }
        int btfFunc = 0;
        for (BtfExt.FuncInfo fi : ext.funcInfo(sec.name())) {
            if (fi.insn() == start) {
                btfFunc = fi.typeId();
            }
        }
        List<BtfExt.LineInfo> lines = new ArrayList<>();
        for (BtfExt.LineInfo l : ext.lineInfo(sec.name())) {
            if (l.insn() >= start && l.insn() < end) {
                lines.add(new BtfExt.LineInfo(l.insn() - start, l.file(), l.text(), l.line(), l.column()));
            }
        }
        lines.sort(java.util.Comparator.comparingInt(BtfExt.LineInfo::insn));
        return new FuncSpec(name, Code.of(insns), btfFunc, lines);
    }

    /** Makes a call of another function symbolic and checks that jumps stay inside the function. */
    private Insn localize(Insn insn, int slot, String fn, int start, int end, TreeMap<Integer, ElfFile.Symbol> funcs)
            throws ElfException {
        switch (insn) {
            case Insn.CallLocal c when c.target() instanceof Offset(int d) -> {
                return new Insn.CallLocal(calleeAt(slot + 1L + d, slot, funcs), c.meta());
            }
            case Insn.LoadImm64 l when l.value() instanceof Imm64.Func(Offset(int d)) -> {
                return new Insn.LoadImm64(l.dst(), new Imm64.Func(calleeAt(slot + 1L + d, slot, funcs)), l.meta());
            }
            case Insn.Branch b -> inside(b.target(), slot, fn, start, end);
            case Insn.Goto g -> inside(g.target(), slot, fn, start, end);
            default -> {
            }
        }
        return insn;
    }

    private Label calleeAt(long target, int slot, TreeMap<Integer, ElfFile.Symbol> funcs) throws ElfException {
        ElfFile.Symbol s = target >= 0 && target <= Integer.MAX_VALUE ? funcs.get((int) target) : null;
        if (s == null) {
            throw error("call at instruction " + slot + " goes to instruction " + target + ", where no function starts");
        }
        return new Label(s.name());
    }

    private void inside(Target t, int slot, String fn, int start, int end) throws ElfException {
        if (t instanceof Offset(int d) && (slot + 1L + d < start || slot + 1L + d >= end)) {
            throw error("jump at instruction " + slot + " leaves function '" + fn + "'");
        }
    }
}
