package dev.p4ebpf.ir;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The types of P4 values and objects, as the checker resolved them.
 *
 * <p>Types are values: a named type carries its whole structure (a header type its fields, an
 * enum its members), so a backend or the interpreter never has to look a type up. {@code typedef}
 * is transparent and never appears here; {@code type} (a new type) does, as {@link NewType}.
 * Generic declarations are specialized by the midend; until then their type parameters appear as
 * {@link TypeVar}.
 */
public sealed interface Type {

    /** {@code bit<W>} ({@code signed == false}) or {@code int<W>}. */
    record Bits(int width, boolean signed) implements Type {
        public Bits {
            if (width < 0 || (signed && width < 1)) {
                throw new IllegalArgumentException("bad width " + width + " for " + (signed ? "int" : "bit"));
            }
        }

        public static Bits unsigned(int width) {
            return new Bits(width, false);
        }

        public static Bits signed(int width) {
            return new Bits(width, true);
        }
    }

    /** {@code varbit<W>}: up to W bits, the actual length known only at run time. */
    record Varbit(int maxWidth) implements Type {}

    /** {@code int}: the arbitrary-precision type of unsized integer literals and compile-time values. */
    record InfInt() implements Type {}

    record Bool() implements Type {}

    record Str() implements Type {}

    record Void() implements Type {}

    /** The {@code error} type: the union of all {@code error {…}} declarations. */
    record Error() implements Type {}

    record MatchKind() implements Type {}

    /**
     * The type of {@code _} and of {@code default} in select and switch labels: matches any type.
     */
    record DontCare() implements Type {}

    /** A field of a struct, header or header union. */
    record Field(String name, Type type, List<Annotation> annotations) {
        public Field {
            annotations = List.copyOf(annotations);
        }

        public Field(String name, Type type) {
            this(name, type, List.of());
        }
    }

    /** Structured types with named fields: structs, headers, header unions. */
    sealed interface Fielded extends Type {
        String name();

        List<Type> typeArgs();

        List<Field> fields();

        default Optional<Field> field(String fieldName) {
            return fields().stream().filter(f -> f.name().equals(fieldName)).findFirst();
        }

        default int fieldIndex(String fieldName) {
            var fs = fields();
            for (int i = 0; i < fs.size(); i++) {
                if (fs.get(i).name().equals(fieldName)) {
                    return i;
                }
            }
            return -1;
        }
    }

    record Struct(String name, List<Type> typeArgs, List<Field> fields, List<Annotation> annotations)
            implements Fielded {
        public Struct {
            typeArgs = List.copyOf(typeArgs);
            fields = List.copyOf(fields);
            annotations = List.copyOf(annotations);
        }
    }

    record Header(String name, List<Type> typeArgs, List<Field> fields, List<Annotation> annotations)
            implements Fielded {
        public Header {
            typeArgs = List.copyOf(typeArgs);
            fields = List.copyOf(fields);
            annotations = List.copyOf(annotations);
        }

        /** Total width in bits of the fixed-size fields (varbits count as their maximum). */
        public int maxWidth() {
            return fields.stream().mapToInt(f -> Types.serializedMaxWidth(f.type())).sum();
        }
    }

    record HeaderUnion(String name, List<Type> typeArgs, List<Field> fields, List<Annotation> annotations)
            implements Fielded {
        public HeaderUnion {
            typeArgs = List.copyOf(typeArgs);
            fields = List.copyOf(fields);
            annotations = List.copyOf(annotations);
        }
    }

    /** {@code T[size]} where T is a header or header union. */
    record Stack(Type element, int size) implements Type {}

    record Enum(String name, List<String> members, List<Annotation> annotations) implements Type {
        public Enum {
            members = List.copyOf(members);
            annotations = List.copyOf(annotations);
        }
    }

    /** A member of a serializable enum, with its value. */
    record EnumMember(String name, BigInteger value) {}

    /** {@code enum bit<8> E { A = 1, … }}. */
    record SerEnum(String name, Bits underlying, List<EnumMember> members, List<Annotation> annotations)
            implements Type {
        public SerEnum {
            members = List.copyOf(members);
            annotations = List.copyOf(annotations);
        }

        public Optional<EnumMember> member(String memberName) {
            return members.stream().filter(m -> m.name().equals(memberName)).findFirst();
        }
    }

    /** {@code type T N;}: a new type with the representation of {@code underlying}. */
    record NewType(String name, Type underlying, List<Annotation> annotations) implements Type {
        public NewType {
            annotations = List.copyOf(annotations);
        }
    }

    record Tuple(List<Type> elements) implements Type {
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    /** {@code list<T>}: compile-time lists. */
    record P4List(Type element) implements Type {}

    /**
     * The type of a list expression {@code {a, b}} before the context gives it a type (a tuple, a
     * struct, a header, a list), and the type of keyset tuples in select cases.
     */
    record ListLiteral(List<Type> elements) implements Type {
        public ListLiteral {
            elements = List.copyOf(elements);
        }
    }

    /** The type of a struct-valued expression {@code {f = e, …}} before the context gives it a type. */
    record StructLiteral(List<Field> fields) implements Type {
        public StructLiteral {
            fields = List.copyOf(fields);
        }
    }

    /** {@code set<T>}: the type of keysets (masks, ranges, value sets) in select cases. */
    record KeySet(Type element) implements Type {}

    /** A type parameter of a generic declaration, not yet specialized. */
    record TypeVar(String name) implements Type {}

    /** An instance of an extern type, with the type arguments it was instantiated with. */
    record Extern(String name, List<Type> typeArgs) implements Type {
        public Extern {
            typeArgs = List.copyOf(typeArgs);
        }
    }

    /**
     * The type of a parser, control or package: a declaration (a block with a body, or a
     * prototype such as {@code parser P<H>(packet_in b, out H h);}) with its apply parameters.
     */
    record Block(BlockKind kind, String name, List<Type> typeArgs, List<Param> applyParams) implements Type {
        public Block {
            typeArgs = List.copyOf(typeArgs);
            applyParams = List.copyOf(applyParams);
        }
    }

    enum BlockKind {
        PARSER("parser"),
        CONTROL("control"),
        PACKAGE("package");

        private final String keyword;

        BlockKind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /** The type of a table instance: {@code t.apply()} returns {@link TableResult}. */
    record Table(String name) implements Type {}

    /** The result of {@code t.apply()}: a struct with {@code hit}, {@code miss} and {@code action_run}. */
    record TableResult(String table) implements Type {}

    /** The type of {@code t.apply().action_run}: an enum of the table's action names. */
    record ActionEnum(String table, List<String> actions) implements Type {
        public ActionEnum {
            actions = List.copyOf(actions);
        }
    }

    /** The type of a function, action or method value: parameters and return type. */
    record Function(List<Param> params, Type returnType) implements Type {
        public Function {
            params = List.copyOf(params);
        }
    }

    /** A value set {@code value_set<T>(size)}: used as a keyset in select. */
    record ValueSet(Type element) implements Type {}

    /** Singletons for the parameterless types. */
    Bool BOOL = new Bool();
    InfInt INF_INT = new InfInt();
    Str STRING = new Str();
    Void VOID = new Void();
    Error ERROR = new Error();
    MatchKind MATCH_KIND = new MatchKind();
    DontCare DONT_CARE = new DontCare();
}
