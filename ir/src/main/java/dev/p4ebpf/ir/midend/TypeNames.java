package dev.p4ebpf.ir.midend;

import dev.p4ebpf.ir.Type;
import java.util.List;
import java.util.stream.Collectors;

/** Identifier-safe spellings of types, for the names of specialized declarations ({@code Header_bit32}). */
final class TypeNames {
    private TypeNames() {}

    static String specialized(String base, List<Type> typeArgs) {
        return base + "_" + typeArgs.stream().map(TypeNames::mangle).collect(Collectors.joining("_"));
    }

    static String mangle(Type t) {
        return switch (t) {
            case Type.Bits b -> (b.signed() ? "int" : "bit") + b.width();
            case Type.Varbit v -> "varbit" + v.maxWidth();
            case Type.InfInt i -> "int";
            case Type.Bool b -> "bool";
            case Type.Str s -> "string";
            case Type.Void v -> "void";
            case Type.Error e -> "error";
            case Type.MatchKind m -> "match_kind";
            case Type.DontCare d -> "dontcare";
            case Type.Struct s -> named(s.name(), s.typeArgs());
            case Type.Header h -> named(h.name(), h.typeArgs());
            case Type.HeaderUnion u -> named(u.name(), u.typeArgs());
            case Type.Stack s -> mangle(s.element()) + "_" + s.size();
            case Type.Enum e -> e.name();
            case Type.SerEnum e -> e.name();
            case Type.NewType n -> n.name();
            case Type.Tuple tu -> "tuple_" + list(tu.elements());
            case Type.P4List l -> "list_" + mangle(l.element());
            case Type.ListLiteral l -> "tuple_" + list(l.elements());
            case Type.StructLiteral s -> "struct";
            case Type.KeySet k -> "set_" + mangle(k.element());
            case Type.TypeVar v -> v.name();
            case Type.Extern e -> named(e.name(), e.typeArgs());
            case Type.Block b -> named(b.name(), b.typeArgs());
            case Type.Table tb -> tb.name();
            case Type.TableResult r -> r.table();
            case Type.ActionEnum a -> a.table();
            case Type.Function f -> "function";
            case Type.ValueSet v -> "value_set_" + mangle(v.element());
        };
    }

    private static String named(String name, List<Type> args) {
        return args.isEmpty() ? name : name + "_" + list(args);
    }

    private static String list(List<Type> ts) {
        return ts.stream().map(TypeNames::mangle).collect(Collectors.joining("_"));
    }
}
