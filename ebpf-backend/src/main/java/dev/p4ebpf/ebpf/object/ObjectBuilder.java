package dev.p4ebpf.ebpf.object;

import dev.p4ebpf.ebpf.btf.BtfBuilder;
import dev.p4ebpf.ebpf.btf.BtfExt;
import dev.p4ebpf.ebpf.btf.BtfMaps;
import dev.p4ebpf.ebpf.btf.BtfType;
import dev.p4ebpf.ebpf.btf.MapDef;
import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.Insn;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Assembles a {@link BpfObject} from code built with the instruction DSL, writing the BTF that
 * libbpf-based tools and the kernel expect: a {@code FUNC} per function, the map definitions in a
 * {@code .maps} DATASEC, and line info taken from the instructions' spans.
 *
 * <p>Legal call order: {@link #btf()} to add key/value types at any time; {@link #map},
 * {@link #program} and {@link #subprogram} in any order; {@link #build} once, last.
 * <pre>{@code
 * ObjectBuilder ob = new ObjectBuilder("GPL", sourceLines);
 * int key = ob.btf().struct("flow_key", 8, List.of(Member.at("addr", u32, 0), Member.at("port", u32, 32)));
 * ob.map(MapSpec.of("flows", MapType.HASH, 1024, key, 8, u64, 8));
 * ob.program("xdp", "xdp_prog", code);
 * BpfObject obj = ob.build();
 * }</pre>
 */
public final class ObjectBuilder {
    private final String license;
    private final Function<Span, Optional<String>> source;
    private final BtfBuilder btf = new BtfBuilder();
    private final List<MapSpec> maps = new ArrayList<>();
    private final List<BtfMaps.Placed> placed = new ArrayList<>();
    private final List<ProgramSpec> programs = new ArrayList<>();
    private final List<FuncSpec> subprograms = new ArrayList<>();
    private int mapsEnd;
    private boolean built;

    /**
     * @param license the object's license
     * @param source  the text of a span's first source line, for line info (empty if unknown)
     */
    public ObjectBuilder(String license, Function<Span, Optional<String>> source) {
        this.license = license;
        this.source = source;
    }

    /** The BTF being built, to add key and value types (named structs print by field in bpftool). */
    public BtfBuilder btf() {
        return btf;
    }

    /**
     * Declares a map; its BTF key/value ids must come from {@link #btf()} and have the spec's
     * key and value sizes.
     */
    public ObjectBuilder map(MapSpec m) {
        checkSize(m, "key", m.btfKeyType(), m.keySize());
        checkSize(m, "value", m.btfValueType(), m.valueSize());
        MapDef def = MapSpecs.toDef(m);
        BtfMaps.Placed p = BtfMaps.define(btf, def, mapsEnd);
        mapsEnd += p.size();
        placed.add(p);
        maps.add(m);
        return this;
    }

    private void checkSize(MapSpec m, String what, int type, int size) {
        if (type == 0) {
            return;
        }
        long actual;
        try {
            actual = btf.sizeOf(type);
        } catch (dev.p4ebpf.ebpf.btf.BtfException e) {
            throw new IllegalArgumentException("map " + m.name() + ": " + what + " type " + type + " has no size: "
                    + e.getMessage());
        }
        if (actual != size) {
            throw new IllegalArgumentException("map " + m.name() + ": " + what + " size " + size + " but its BTF type "
                    + type + " is " + actual + " bytes");
        }
    }

    /** Adds a program {@code int name(struct <ctx> *ctx)} in {@code section}. */
    public ObjectBuilder program(String section, String name, Code code) {
        SectionDef def = SectionDef.of(section).orElseThrow(() -> new IllegalArgumentException(
                "unknown program section '" + section + "' (known: " + SectionDef.known() + ")"));
        String ctx = def.type() == ProgramType.XDP ? "xdp_md" : "__sk_buff";
        int ctxPtr = btf.ptr(btf.add(new BtfType.Fwd(ctx, false)));
        int proto = btf.add(new BtfType.FuncProto(intType(), List.of(new BtfType.Param("ctx", ctxPtr))));
        int func = btf.add(new BtfType.Func(name, proto, BtfType.FuncLinkage.GLOBAL));
        programs.add(ProgramSpec.of(section, new FuncSpec(name, code, func, lines(code))));
        return this;
    }

    /**
     * Adds a static {@code .text} subprogram {@code long name(long a1, …)} taking {@code args}
     * arguments (0–5) in r1…; call it with {@code Call.local(name)}.
     */
    public ObjectBuilder subprogram(String name, int args, Code code) {
        if (args < 0 || args > 5) {
            throw new IllegalArgumentException("a BPF function takes 0 to 5 arguments, not " + args);
        }
        int u64 = btf.integer("long", 8, true);
        List<BtfType.Param> params = new ArrayList<>();
        for (int i = 1; i <= args; i++) {
            params.add(new BtfType.Param("a" + i, u64));
        }
        int proto = btf.add(new BtfType.FuncProto(u64, params));
        int func = btf.add(new BtfType.Func(name, proto, BtfType.FuncLinkage.STATIC));
        subprograms.add(new FuncSpec(name, code, func, lines(code)));
        return this;
    }

    private int intType() {
        return btf.integer("int", 4, true);
    }

    /** Line info from spans: a record wherever the source line changes. */
    private List<BtfExt.LineInfo> lines(Code code) {
        List<BtfExt.LineInfo> out = new ArrayList<>();
        Span last = null;
        int slot = 0;
        for (Insn i : code.insns()) {
            Span s = i.meta().span();
            if (!s.isNone() && (last == null || !s.file().equals(last.file()) || s.line() != last.line())) {
                String text = source.apply(s).map(String::strip).orElse("");
                out.add(new BtfExt.LineInfo(slot, s.file(), text, Math.min(s.line(), (1 << 22) - 1),
                        Math.min(Math.max(s.column(), 0), 1023)));
                last = s;
            }
            slot += i.slots();
        }
        return out;
    }

    /** The object; the builder cannot be used afterwards. */
    public BpfObject build() {
        if (built) {
            throw new IllegalStateException("build() was already called");
        }
        built = true;
        if (!placed.isEmpty()) {
            BtfMaps.datasec(btf, placed);
        }
        return new BpfObject(license, Collections.unmodifiableList(programs), subprograms, maps, btf.build());
    }
}
