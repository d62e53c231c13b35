package dev.p4ebpf.ebpf.btf;

import dev.p4ebpf.ebpf.btf.BtfType.*;
import java.util.ArrayList;
import java.util.List;

/** The type ids a BTF type refers to, and the check that they all exist. */
final class BtfRefs {
    private BtfRefs() {
    }

    static List<Integer> of(BtfType t) {
        List<Integer> out = new ArrayList<>();
        switch (t) {
            case Ptr p -> out.add(p.type());
            case Array a -> {
                out.add(a.elemType());
                out.add(a.indexType());
            }
            case Struct s -> s.members().forEach(m -> out.add(m.type()));
            case Union u -> u.members().forEach(m -> out.add(m.type()));
            case Typedef td -> out.add(td.type());
            case Volatile v -> out.add(v.type());
            case BtfType.Const c -> out.add(c.type());
            case Restrict r -> out.add(r.type());
            case Func f -> out.add(f.proto());
            case FuncProto p -> {
                out.add(p.returnType());
                p.params().forEach(x -> out.add(x.type()));
            }
            case Var v -> out.add(v.type());
            case Datasec d -> d.vars().forEach(v -> out.add(v.type()));
            case DeclTag d -> out.add(d.type());
            case TypeTag tt -> out.add(tt.type());
            case Int i -> {
            }
            case BtfType.Enum e -> {
            }
            case Enum64 e -> {
            }
            case Fwd f -> {
            }
            case BtfType.Float f -> {
            }
        }
        return out;
    }

    static void check(Btf btf) throws BtfException {
        for (int id = 1; id <= btf.size(); id++) {
            for (int ref : of(btf.type(id))) {
                if (ref < 0 || ref > btf.size()) {
                    throw new BtfException("BTF type " + id + " refers to type " + Integer.toUnsignedString(ref)
                            + ", but there are only " + btf.size() + " types");
                }
            }
        }
    }
}
