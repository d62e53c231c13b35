package dev.p4ebpf.ebpf.btf;

import java.util.List;
import java.util.Optional;

/**
 * A BTF type graph, the content of a {@code .BTF} section: type {@code n} (1-based) is
 * {@code types.get(n - 1)}; id 0 is {@code void}. Immutable. Encode with {@link BtfCodec}, build
 * with {@link BtfBuilder}.
 *
 * <p>Invariant (checked when decoding, assumed when encoding): every type id a type refers to is
 * at most {@code types.size()}.
 */
public record Btf(List<BtfType> types) {

    public static final Btf EMPTY = new Btf(List.of());

    public Btf {
        types = List.copyOf(types);
    }

    /** The type with this id; id must be in 1..size. */
    public BtfType type(int id) {
        if (id < 1 || id > types.size()) {
            throw new IllegalArgumentException("no BTF type id " + id + " (there are " + types.size() + ")");
        }
        return types.get(id - 1);
    }

    public int size() {
        return types.size();
    }

    /** The id of the first type of this class with this name. */
    public Optional<Integer> find(Class<? extends BtfType> kind, String name) {
        for (int i = 0; i < types.size(); i++) {
            BtfType t = types.get(i);
            if (kind.isInstance(t) && t.name().equals(name)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    /** Follows typedefs and const/volatile/restrict/type-tag modifiers to the underlying type id. */
    public int resolve(int id) throws BtfException {
        for (int hops = 0; hops < 64 && id != 0; hops++) {
            BtfType t = checked(id);
            switch (t) {
                case BtfType.Typedef td -> id = td.type();
                case BtfType.Const c -> id = c.type();
                case BtfType.Volatile v -> id = v.type();
                case BtfType.Restrict r -> id = r.type();
                case BtfType.TypeTag tt -> id = tt.type();
                default -> {
                    return id;
                }
            }
        }
        if (id == 0) {
            return 0;
        }
        throw new BtfException("BTF type " + id + ": chain of typedefs and modifiers is too long (a cycle?)");
    }

    /** The size in bytes of a type, as the kernel computes it for map keys and values. */
    public long sizeOf(int id) throws BtfException {
        int r = resolve(id);
        if (r == 0) {
            throw new BtfException("void has no size");
        }
        BtfType t = checked(r);
        return switch (t) {
            case BtfType.Int i -> i.size();
            case BtfType.Ptr p -> 8;
            case BtfType.Array a -> sizeOf(a.elemType()) * Integer.toUnsignedLong(a.elems());
            case BtfType.Struct s -> Integer.toUnsignedLong(s.size());
            case BtfType.Union u -> Integer.toUnsignedLong(u.size());
            case BtfType.Enum e -> e.size();
            case BtfType.Enum64 e -> e.size();
            case BtfType.Float f -> f.size();
            case BtfType.Datasec d -> Integer.toUnsignedLong(d.size());
            case BtfType.Var v -> sizeOf(v.type());
            case BtfType.Fwd f -> throw new BtfException("BTF type " + r + " (forward declaration " + f.name()
                    + ") has no size");
            case BtfType.Func f -> throw new BtfException("BTF type " + r + " is a function, which has no size");
            case BtfType.FuncProto f -> throw new BtfException("BTF type " + r + " is a function prototype");
            case BtfType.DeclTag d -> throw new BtfException("BTF type " + r + " is a declaration tag");
            case BtfType.Typedef td -> throw new AssertionError("resolved");
            case BtfType.Const c -> throw new AssertionError("resolved");
            case BtfType.Volatile v -> throw new AssertionError("resolved");
            case BtfType.Restrict rr -> throw new AssertionError("resolved");
            case BtfType.TypeTag tt -> throw new AssertionError("resolved");
        };
    }

    /** The type with this id, or a BtfException naming the bad id. */
    public BtfType checked(int id) throws BtfException {
        if (id < 1 || id > types.size()) {
            throw new BtfException("BTF type id " + id + " does not exist (there are " + types.size() + " types)");
        }
        return types.get(id - 1);
    }
}
