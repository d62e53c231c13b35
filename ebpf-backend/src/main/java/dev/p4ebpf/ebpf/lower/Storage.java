package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.lir.LBuilder;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.Types;
import dev.p4ebpf.ir.diag.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * Allocates the storage of a value of a given type: registers for its scalars (one per 64 bits); for
 * headers on the {@code inPlace} paths, a validity register and a packet pointer instead of their fields.
 */
final class Storage {
    private final LBuilder b;
    private final Set<String> inPlace;

    /** @param inPlace the paths (such as {@code hdr.ipv4}) of the headers that stay in the packet */
    Storage(LBuilder b, Set<String> inPlace) {
        this.b = b;
        this.inPlace = inPlace;
    }

    /**
     * Storage for a value of type {@code t} at {@code path}, declared at {@code at} (where an
     * unsupported type is reported).
     */
    Loc allocate(Type t, String path, Span at) throws Unsupported {
        Type rep = Types.representation(t);
        if (Scalars.isScalar(t)) {
            int w = Scalars.width(t).orElseThrow();
            if (w > 64) {
                var limbs = new ArrayList<VReg>();
                for (int i = 0; i < Wide.count(w); i++) {
                    limbs.add(b.reg(leaf(path) + "." + i));
                }
                return new Loc.Wide(t, limbs);
            }
            return new Loc.Scalar(t, b.reg(leaf(path)));
        }
        return switch (rep) {
            case Type.Header h when inPlace.contains(path) -> {
                HeaderLayout layout = HeaderLayout.of(h);
                yield new Loc.PacketHeader(h, b.reg(leaf(path) + ".valid"), b.reg(leaf(path) + ".ptr"), layout,
                        layout.varbit().map(v -> b.reg(leaf(path) + ".varbytes")));
            }
            case Type.Header h -> {
                var fields = new LinkedHashMap<String, Loc>();
                for (Type.Field f : h.fields()) {
                    fields.put(f.name(), allocate(f.type(), path + "." + f.name(), at));
                }
                yield new Loc.Header(h, b.reg(leaf(path) + ".valid"), fields);
            }
            case Type.Struct s -> {
                var fields = new LinkedHashMap<String, Loc>();
                for (Type.Field f : s.fields()) {
                    fields.put(f.name(), allocate(f.type(), path + "." + f.name(), at));
                }
                yield new Loc.Struct(t, fields);
            }
            case Type.HeaderUnion u -> {
                var members = new LinkedHashMap<String, Loc>();
                for (Type.Field f : u.fields()) {
                    members.put(f.name(), allocate(f.type(), path + "." + f.name(), at));
                }
                yield new Loc.Union(u, members);
            }
            case Type.Stack s -> {
                var elements = new ArrayList<Loc>();
                for (int i = 0; i < s.size(); i++) {
                    elements.add(allocate(s.element(), path + "[" + i + "]", at));
                }
                yield new Loc.Stack(s, elements, b.reg(leaf(path) + ".next"));
            }
            case Type.Tuple tu -> {
                var elements = new ArrayList<Loc>();
                for (int i = 0; i < tu.elements().size(); i++) {
                    elements.add(allocate(tu.elements().get(i), path + "[" + i + "]", at));
                }
                yield new Loc.Tuple(t, elements);
            }
            case Type.Extern e -> new Loc.Opaque(t);
            case Type.Varbit v -> throw new Unsupported("varbit field " + path,
                    "varbit values are kept only in headers that stay in the packet; keep the data in a header"
                            + " field that is only extracted, read and emitted", at);
            default -> throw new Unsupported("a value of type " + dev.p4ebpf.ir.print.ExprPrinter.type(t) + " (" + path + ")",
                    "the eBPF backend has no representation for it; use bit<N>, int<N>, bool, enums, headers and"
                            + " structs of them", at);
        };
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
