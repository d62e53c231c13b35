package dev.p4ebpf.ebpf.compile;

import dev.p4ebpf.ebpf.btf.BtfBuilder;
import dev.p4ebpf.ebpf.btf.BtfType;
import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.lower.Lowered;
import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.ObjectBuilder;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Puts a compiled program into a BPF object: its code in the hook's section, every map it uses with
 * BTF key and value types (named structs whose members are the P4 fields, so that
 * {@code bpftool map dump} prints them by name), and the GPL license the helpers need.
 */
public final class ObjectAssembly {
    private ObjectAssembly() {}

    public static BpfObject assemble(Lowered lowered, Code code, Function<Span, Optional<String>> source) {
        var ob = new ObjectBuilder("GPL", source);
        BtfBuilder btf = ob.btf();
        for (Lowered.MapLayout m : lowered.maps()) {
            ob.map(spec(btf, m));
        }
        ob.program(lowered.section(), lowered.function().name(), code);
        return ob.build();
    }

    /** Map types the kernel creates only without BTF key and value types (it answers ENOTSUPP otherwise). */
    private static final java.util.Set<dev.p4ebpf.ebpf.object.MapType> NO_BTF = java.util.EnumSet.of(
            dev.p4ebpf.ebpf.object.MapType.DEVMAP, dev.p4ebpf.ebpf.object.MapType.DEVMAP_HASH,
            dev.p4ebpf.ebpf.object.MapType.CPUMAP, dev.p4ebpf.ebpf.object.MapType.XSKMAP);

    private static MapSpec spec(BtfBuilder btf, Lowered.MapLayout m) {
        if (m.inner().isPresent()) {
            // map-in-map: the outer map's values are map fds, described by the inner map's definition
            Lowered.MapLayout i = m.inner().get();
            MapSpec inner = spec(btf, new Lowered.MapLayout(m.name() + ".inner", i.type(), i.keySize(), i.valueSize(),
                    i.maxEntries(), i.flags(), i.keyType(), i.keyMembers(), i.valueType(), i.valueMembers(), i.inner()));
            return new MapSpec(m.name(), m.type(), m.keySize(), m.valueSize(), m.maxEntries(), m.flags(),
                    dev.p4ebpf.ebpf.object.Pinning.NONE, 0, 0, Optional.of(inner), 0, 0);
        }
        if (NO_BTF.contains(m.type())) {
            return MapSpec.of(m.name(), m.type(), m.maxEntries(), 0, m.keySize(), 0, m.valueSize()).withFlags(m.flags());
        }
        // the kernel wants the BTF key of an array map to be a plain 4-byte integer (the index)
        int key = indexed(m.type()) ? type(btf, "", 4, List.of()) : type(btf, m.keyType(), m.keySize(), m.keyMembers());
        int value = type(btf, m.valueType(), m.valueSize(), m.valueMembers());
        return MapSpec.of(m.name(), m.type(), m.maxEntries(), key, m.keySize(), value, m.valueSize()).withFlags(m.flags());
    }

    private static boolean indexed(dev.p4ebpf.ebpf.object.MapType type) {
        return switch (type) {
            case ARRAY, PERCPU_ARRAY, ARRAY_OF_MAPS -> true;
            default -> false;
        };
    }

    /**
     * A struct of byte arrays for a big-endian layout (u32 members stay integers: prefix lengths and
     * action ids are host-order), or a plain unsigned integer of the size when no members are given.
     */
    private static int type(BtfBuilder btf, String name, int size, List<Lowered.Member> members) {
        if (members.isEmpty()) {
            return size == 1 || size == 2 || size == 4 || size == 8 ? btf.integer("__u" + size * 8, size, false)
                    : btf.array(btf.integer("unsigned char", 1, false), size);
        }
        int u8 = btf.integer("unsigned char", 1, false);
        int u32 = btf.integer("unsigned int", 4, false);
        var out = new ArrayList<BtfType.Member>();
        var groups = new java.util.LinkedHashMap<String, List<Lowered.Member>>();
        int end = 0;
        for (Lowered.Member mem : members) {
            if (!mem.group().isEmpty()) {
                groups.computeIfAbsent(mem.group(), k -> new ArrayList<>()).add(mem);
                continue;
            }
            int t = hostOrder(mem) ? u32 : btf.array(u8, mem.size());
            out.add(BtfType.Member.at(mem.name(), t, mem.offset() * 8));
            end = Math.max(end, mem.offset() + mem.size());
        }
        if (!groups.isEmpty()) {
            // the actions' parameters share the bytes after the fixed members: a union of one struct per action
            int start = end;
            int unionSize = size - start;
            var variants = new ArrayList<BtfType.Member>();
            for (var g : groups.entrySet()) {
                var fields = new ArrayList<BtfType.Member>();
                for (Lowered.Member mem : g.getValue()) {
                    fields.add(BtfType.Member.at(mem.name(), btf.array(u8, mem.size()), (mem.offset() - start) * 8));
                }
                int groupEnd = g.getValue().stream().mapToInt(m -> m.offset() + m.size() - start).max().orElse(0);
                variants.add(BtfType.Member.at(g.getKey(), btf.struct(name + "_" + g.getKey(), groupEnd, fields), 0));
            }
            int union = btf.add(new BtfType.Union(name + "_params", unionSize, false, variants));
            out.add(BtfType.Member.at("params", union, start * 8));
            end = size;
        }
        if (end < size) {
            out.add(BtfType.Member.at("_pad", btf.array(u8, size - end), end * 8));
        }
        return btf.struct(name, size, out);
    }

    private static boolean hostOrder(Lowered.Member m) {
        return m.size() == 4 && (m.name().equals("prefixlen") || m.name().equals("action") || m.name().equals("index"));
    }
}
