package dev.p4ebpf.ir;

/** Facts about types that several passes need. */
public final class Types {
    private Types() {}

    /**
     * The number of bits a value of this type occupies when a header containing it is extracted
     * or emitted (varbits: their maximum). Only for types that may appear in headers.
     */
    public static int serializedMaxWidth(Type type) {
        return switch (type) {
            case Type.Bits b -> b.width();
            case Type.Varbit v -> v.maxWidth();
            case Type.SerEnum e -> e.underlying().width();
            case Type.NewType n -> serializedMaxWidth(n.underlying());
            case Type.Bool b -> 1;
            case Type.Struct s -> s.fields().stream().mapToInt(f -> serializedMaxWidth(f.type())).sum();
            case Type.Header h -> h.maxWidth();
            default -> throw new IllegalArgumentException("not a serializable type: " + type);
        };
    }

    /** Strips {@code type} declarations down to their representation. */
    public static Type representation(Type type) {
        return type instanceof Type.NewType n ? representation(n.underlying()) : type;
    }

    /** Whether values of this type are headers or header unions (have validity). */
    public static boolean isHeaderLike(Type type) {
        return type instanceof Type.Header || type instanceof Type.HeaderUnion;
    }
}
