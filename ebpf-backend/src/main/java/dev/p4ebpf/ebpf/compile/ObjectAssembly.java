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
            int key = type(btf, m.keyType(), m.keySize(), m.keyMembers());
            int value = type(btf, m.valueType(), m.valueSize(), m.valueMembers());
            ob.map(MapSpec.of(m.name(), m.type(), m.maxEntries(), key, m.keySize(), value, m.valueSize())
                    .withFlags(m.flags()));
        }
        ob.program(lowered.section(), lowered.function().name(), code);
        return ob.build();
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
        var out = new ArrayList<BtfType.Member>();
        int u8 = btf.integer("unsigned char", 1, false);
        int u32 = btf.integer("unsigned int", 4, false);
        int end = 0;
        for (Lowered.Member mem : members) {
            int t = hostOrder(mem) ? u32 : btf.array(u8, mem.size());
            out.add(BtfType.Member.at(mem.name(), t, mem.offset() * 8));
            end = Math.max(end, mem.offset() + mem.size());
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
