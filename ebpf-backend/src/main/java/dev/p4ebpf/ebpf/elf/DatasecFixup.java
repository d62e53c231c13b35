package dev.p4ebpf.ebpf.elf;

import dev.p4ebpf.ebpf.btf.Btf;
import dev.p4ebpf.ebpf.btf.BtfType;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills in what clang leaves for the linker in BTF DATASECs, as libbpf does before loading: a
 * DATASEC's size is its ELF section's size, and each variable's offset is its symbol's value.
 */
final class DatasecFixup {
    private DatasecFixup() {
    }

    static Btf apply(ElfFile elf, Btf btf) throws ElfException {
        List<BtfType> out = new ArrayList<>(btf.types());
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof BtfType.Datasec d) {
                out.set(i, fix(elf, btf, d));
            }
        }
        return new Btf(out);
    }

    private static BtfType.Datasec fix(ElfFile elf, Btf btf, BtfType.Datasec d) throws ElfException {
        var sec = elf.section(d.name());
        if (sec.isEmpty()) {
            return d;
        }
        List<BtfType.VarSecinfo> vars = new ArrayList<>();
        for (BtfType.VarSecinfo v : d.vars()) {
            if (v.type() < 1 || v.type() > btf.size() || !(btf.type(v.type()) instanceof BtfType.Var var)) {
                throw elf.error("BTF DATASEC " + d.name() + " lists type " + v.type() + ", which is not a VAR");
            }
            long offset = v.offset();
            for (ElfFile.Symbol s : elf.symbols) {
                if (s.shndx() == sec.get().index() && s.name().equals(var.name())) {
                    offset = s.value();
                }
            }
            if (offset < 0 || offset + v.size() > sec.get().size()) {
                throw elf.error("variable " + var.name() + " lies outside section " + d.name());
            }
            vars.add(new BtfType.VarSecinfo(v.type(), (int) offset, v.size()));
        }
        int size = d.size() == 0 ? (int) Math.min(sec.get().size(), Integer.MAX_VALUE) : d.size();
        return new BtfType.Datasec(d.name(), size, vars);
    }
}
