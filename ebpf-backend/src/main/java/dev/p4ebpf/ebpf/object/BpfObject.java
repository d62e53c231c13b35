package dev.p4ebpf.ebpf.object;

import dev.p4ebpf.ebpf.btf.Btf;
import dev.p4ebpf.ebpf.btf.BtfExt;
import dev.p4ebpf.ebpf.btf.BtfExtCodec;
import dev.p4ebpf.ebpf.btf.BtfType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A BPF object as a deterministic specification — what an ELF file says, separate from anything
 * loaded: license, programs, {@code .text} subprograms, maps, BTF. {@link dev.p4ebpf.ebpf.elf} writes
 * and reads it; {@link Linker} turns one program into what {@code BPF_PROG_LOAD} takes.
 *
 * <p>Invariants (checked on construction): program, subprogram and map names are each unique,
 * and no program shares a name with a subprogram; every function called is a subprogram; every map
 * loaded is a map; every BTF id a spec mentions exists in {@code btf} (a {@code FUNC} for
 * functions); when there are maps, {@code btf} describes them in a {@code .maps} DATASEC.
 *
 * @param license     the license string ({@code "GPL"}, or another; GPL-only helpers need GPL)
 * @param programs    entry points, in section order as written
 * @param subprograms the functions of {@code .text}, in layout order
 * @param maps        the maps, in {@code .maps} layout order
 * @param btf         the object's BTF ({@link Btf#EMPTY} if none)
 */
public record BpfObject(String license, List<ProgramSpec> programs, List<FuncSpec> subprograms,
                        List<MapSpec> maps, Btf btf) {

    /** The ELF section of subprograms. */
    public static final String TEXT = ".text";

    public BpfObject {
        programs = List.copyOf(programs);
        subprograms = List.copyOf(subprograms);
        maps = List.copyOf(maps);
        List<String> problems = problems(programs, subprograms, maps, btf);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("inconsistent BPF object: " + String.join("; ", problems));
        }
    }

    private static List<String> problems(List<ProgramSpec> programs, List<FuncSpec> subs, List<MapSpec> maps, Btf btf) {
        List<String> out = new ArrayList<>();
        Set<String> funcs = new HashSet<>();
        Set<String> progNames = new HashSet<>();
        for (FuncSpec f : subs) {
            if (!funcs.add(f.name())) {
                out.add("two subprograms are called " + f.name());
            }
        }
        for (ProgramSpec p : programs) {
            if (!progNames.add(p.name()) || funcs.contains(p.name())) {
                out.add("the name " + p.name() + " is used twice");
            }
        }
        Set<String> mapNames = new HashSet<>();
        for (MapSpec m : maps) {
            if (!mapNames.add(m.name())) {
                out.add("two maps are called " + m.name());
            }
            checkBtf(btf, m.btfKeyType(), "map " + m.name() + " key", out);
            checkBtf(btf, m.btfValueType(), "map " + m.name() + " value", out);
        }
        List<FuncSpec> all = new ArrayList<>(subs);
        programs.forEach(p -> all.add(p.body()));
        for (FuncSpec f : all) {
            for (String callee : f.calledFunctions()) {
                if (!funcs.contains(callee)) {
                    out.add("function " + f.name() + " calls " + callee + ", which is not a .text subprogram");
                }
            }
            for (String map : f.referencedMaps()) {
                if (!mapNames.contains(map)) {
                    out.add("function " + f.name() + " loads map " + map + ", which the object does not declare");
                }
            }
            if (f.btfFunc() != 0 && (f.btfFunc() > btf.size() || !(btf.type(f.btfFunc()) instanceof BtfType.Func))) {
                out.add("function " + f.name() + ": BTF id " + f.btfFunc() + " is not a FUNC");
            }
        }
        if (!maps.isEmpty() && btf.find(BtfType.Datasec.class, ".maps").isEmpty()) {
            out.add("the object has maps but its BTF has no .maps DATASEC describing them");
        }
        return out;
    }

    private static void checkBtf(Btf btf, int id, String what, List<String> out) {
        if (id != 0 && id > btf.size()) {
            out.add(what + ": BTF id " + id + " does not exist");
        }
    }

    public Optional<ProgramSpec> program(String name) {
        return programs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<FuncSpec> subprogram(String name) {
        return subprograms.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<MapSpec> map(String name) {
        return maps.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** One ELF code section: its functions in order, each with its slot offset in the section. */
    public record CodeSection(String name, List<FuncSpec> functions, List<Integer> offsets) {
        public int slots() {
            return functions.isEmpty() ? 0 : offsets.getLast() + functions.getLast().code().slots();
        }
    }

    /** The code sections as written: program sections in first-appearance order, then {@code .text}. */
    public List<CodeSection> codeSections() {
        Map<String, List<FuncSpec>> by = new LinkedHashMap<>();
        programs.forEach(p -> by.computeIfAbsent(p.section(), k -> new ArrayList<>()).add(p.body()));
        if (!subprograms.isEmpty()) {
            by.put(TEXT, subprograms);
        }
        List<CodeSection> out = new ArrayList<>();
        by.forEach((name, fs) -> {
            List<Integer> offs = new ArrayList<>();
            int at = 0;
            for (FuncSpec f : fs) {
                offs.add(at);
                at += f.code().slots();
            }
            out.add(new CodeSection(name, fs, offs));
        });
        return out;
    }

    /**
     * The {@code .BTF.ext} content: func_info when every function has a BTF FUNC, and line_info
     * (each function starting with a record, as the kernel requires) when any function has lines.
     */
    public BtfExt btfExt() {
        List<FuncSpec> all = new ArrayList<>(subprograms);
        programs.forEach(p -> all.add(p.body()));
        boolean funcInfo = !all.isEmpty() && all.stream().allMatch(f -> f.btfFunc() != 0);
        boolean lineInfo = funcInfo && all.stream().anyMatch(f -> !f.lines().isEmpty());
        List<BtfExt.Section<BtfExt.FuncInfo>> fi = new ArrayList<>();
        List<BtfExt.Section<BtfExt.LineInfo>> li = new ArrayList<>();
        for (CodeSection s : codeSections()) {
            List<BtfExt.FuncInfo> fs = new ArrayList<>();
            List<BtfExt.LineInfo> ls = new ArrayList<>();
            for (int i = 0; i < s.functions().size(); i++) {
                FuncSpec f = s.functions().get(i);
                int base = s.offsets().get(i);
                fs.add(new BtfExt.FuncInfo(base, f.btfFunc()));
                for (BtfExt.LineInfo l : Linker.linesWithStart(f)) {
                    ls.add(new BtfExt.LineInfo(l.insn() + base, l.file(), l.text(), l.line(), l.column()));
                }
            }
            if (funcInfo) {
                fi.add(new BtfExt.Section<>(s.name(), fs));
            }
            if (lineInfo) {
                li.add(new BtfExt.Section<>(s.name(), ls));
            }
        }
        return new BtfExt(fi, li, List.of());
    }

    /** {@code .BTF} and {@code .BTF.ext} bytes; the same bytes are what a loader hands to {@code BPF_BTF_LOAD}. */
    public BtfExtCodec.Encoded encodeBtf() {
        return BtfExtCodec.encode(btf, btfExt());
    }
}
