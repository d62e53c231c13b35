package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Type;

/** Type facts for the midend. */
final class Types {
    private Types() {}

    /**
     * Whether a type is one only compile-time values have: it is or contains a {@code list<…>}, or a
     * tuple with an element no struct field can have ({@code int}, {@code string}, {@code match_kind})
     * in it.
     */
    static boolean compileTimeOnly(Type t) {
        return switch (t) {
            case Type.P4List l -> true;
            case Type.InfInt i -> true;
            case Type.Tuple tu -> tu.elements().stream().anyMatch(e -> compileTimeOnly(e) || notAValue(e));
            case Type.Struct s -> false;
            case Type.Header h -> false;
            case Type.HeaderUnion u -> false;
            case Type.Stack s -> false;
            case Type.Extern e -> e.typeArgs().stream().anyMatch(Types::compileTimeOnly);
            case Type.Block b -> b.applyParams().stream().anyMatch(p -> compileTimeOnly(p.type()));
            case Type.Function f -> false;
            case Type.ListLiteral l -> l.elements().stream().anyMatch(Types::compileTimeOnly);
            case Type.StructLiteral s -> false;
            case Type.KeySet k -> compileTimeOnly(k.element());
            case Type.ValueSet v -> true;
            case Type.NewType n -> false;
            case Type.Bits b -> false;
            case Type.Varbit v -> false;
            case Type.Bool b -> false;
            case Type.Str s -> false;
            case Type.Void v -> false;
            case Type.Error e -> false;
            case Type.MatchKind m -> false;
            case Type.DontCare d -> false;
            case Type.Enum e -> false;
            case Type.SerEnum e -> false;
            case Type.TypeVar v -> false;
            case Type.Table tb -> false;
            case Type.TableResult r -> false;
            case Type.ActionEnum a -> false;
        };
    }

    /** Whether a type is one of the compile-time scalars a struct field cannot have. */
    private static boolean notAValue(Type t) {
        return t instanceof Type.Str || t instanceof Type.MatchKind;
    }

    /** The representation of a type: {@code type} declarations stripped. */
    static Type rep(Type t) {
        return dev.p4ebpf.ir.Types.representation(t);
    }
}
