package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.controlplane.Endian;
import dev.p4ebpf.ebpf.controlplane.KeyField;
import dev.p4ebpf.ebpf.controlplane.MatchKind;
import dev.p4ebpf.ebpf.controlplane.ValueSet;
import dev.p4ebpf.ebpf.insn.Helper;
import dev.p4ebpf.ebpf.insn.JmpOp;
import dev.p4ebpf.ebpf.insn.Size;
import dev.p4ebpf.ebpf.lir.LInsn;
import dev.p4ebpf.ebpf.lir.Operand;
import dev.p4ebpf.ebpf.lir.StackSlot;
import dev.p4ebpf.ebpf.lir.VReg;
import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.Decl;
import dev.p4ebpf.ir.Expr;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.diag.Span;
import dev.p4ebpf.ir.print.ExprPrinter;
import dev.p4ebpf.ebpf.object.MapType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parser value sets: each is a hash map whose keys are the members (the fields of the element
 * type big-endian, one after the other) and whose one-byte value is 1; a select case on the set
 * matches when the select keys, laid out the same way, are in the map.
 */
final class ValueSets {
    /** A declared value set: its map and key layout. */
    private record Layout(String map, List<KeyField> fields, int keySize) {}

    private final Lowering lo;
    private final Gen g;
    private final Maps maps;
    private final Map<String, Layout> layouts = new HashMap<>();
    final List<ValueSet> controlPlane = new ArrayList<>();

    ValueSets(Lowering lo, Maps maps) {
        this.lo = lo;
        this.g = lo.g;
        this.maps = maps;
    }

    /** Declares value set {@code vs} of parser {@code parser}. */
    void declare(Decl.ValueSetDecl vs, String parser) throws Unsupported {
        if (!(vs.size() instanceof Expr.IntLit n) || n.value().signum() <= 0 || n.value().bitLength() > 31) {
            throw new Unsupported("value set " + vs.name() + " of size " + ExprPrinter.expr(vs.size()),
                    "the size of a value set must be a positive constant; write one, e.g. value_set<bit<16>>(4)", vs.span());
        }
        var fields = new ArrayList<KeyField>();
        int offset = 0;
        for (Member m : members(vs)) {
            int w = Scalars.width(m.type()).orElseThrow(() -> new Unsupported("value set " + vs.name() + " member "
                    + m.name() + " of type " + ExprPrinter.type(m.type()), "members are bit<N>, int<N>, bool or enums; declare the member as one",
                    vs.span()));
            int bytes = (w + 7) / 8;
            fields.add(new KeyField(m.name(), m.name(), w, MatchKind.EXACT, offset, bytes, Endian.BIG));
            offset += bytes;
        }
        String map = maps.name(vs.name());
        var keyMembers = fields.stream().map(f -> new Maps.Member(Tables.memberName(f.name()), f.byteOffset(),
                f.byteSize())).toList();
        maps.add(new Maps.Def(map, MapType.HASH, offset, 1, n.value().intValue(), 0, map + "_key", keyMembers, "",
                List.of()));
        layouts.put(vs.name(), new Layout(map, fields, offset));
        String name = parser + "." + vs.name();
        controlPlane.add(new ValueSet(name, Annotation.nameOf(vs.annotations()).orElse(name), fields,
                n.value().intValue(), map, offset));
    }

    private record Member(String name, Type type) {}

    /** The element type's scalars: the type itself, or the fields of a struct, or the elements of a tuple. */
    private static List<Member> members(Decl.ValueSetDecl vs) throws Unsupported {
        return switch (vs.element()) {
            case Type.Struct s -> {
                var out = new ArrayList<Member>();
                for (Type.Field f : s.fields()) {
                    var match = Annotation.find(f.annotations(), "match");
                    if (match.isPresent() && !match.get().text().strip().equals("exact")) {
                        throw new Unsupported("value set " + vs.name() + " with a @match(" + match.get().text().strip()
                                + ") member", "the eBPF backend's value sets match exactly; remove the @match annotation", vs.span());
                    }
                    out.add(new Member(f.name(), f.type()));
                }
                yield out;
            }
            case Type.Tuple t -> {
                var out = new ArrayList<Member>();
                for (int i = 0; i < t.elements().size(); i++) {
                    out.add(new Member("f" + i, t.elements().get(i)));
                }
                yield out;
            }
            default -> List.of(new Member("value", vs.element()));
        };
    }

    /** Branches to {@code yes} when {@code keys} (the select's key values) are a member of {@code name}. */
    void match(String name, List<VReg> keys, int yes, int no, Span at) throws Unsupported {
        Layout l = layouts.get(name);
        if (l == null) {
            throw new Unsupported("value set " + name, "it is not declared in this parser; declare it there", at);
        }
        if (keys.size() != l.fields().size()) {
            throw new Unsupported("value set " + name + " in a select on " + keys.size() + " keys",
                    "its members have " + l.fields().size() + " fields; select on that many keys", at);
        }
        StackSlot key = g.b.slot((l.keySize() + 7) & ~7, 8, name + "_key");
        for (int i = 0; i < key.size(); i += 8) {
            g.b.emit(new LInsn.StoreStack(Size.DW, key, i, Operand.imm(0), at));
        }
        VReg base = g.stackAddr(key, 0, at);
        for (int i = 0; i < keys.size(); i++) {
            KeyField f = l.fields().get(i);
            lo.access.storeBigEndianToStack(base, f.byteOffset(), f.byteSize(), keys.get(i), at);
        }
        VReg member = g.call(Helper.MAP_LOOKUP_ELEM, List.of(g.map(l.map(), at), g.stackAddr(key, 0, at)), at);
        g.branch(JmpOp.JNE, member, Operand.imm(0), yes, no, at);
    }
}
