package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.Annotation;
import dev.p4ebpf.ir.Type;
import dev.p4ebpf.ir.interp.value.FieldedValue;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Which metadata a resubmitted, recirculated or cloned packet keeps (BMv2's field lists):
 * the user metadata fields annotated {@code @field_list(index)}, or the fields a deprecated
 * {@code resubmit(data)}-style call named. Everything else starts from zero.
 */
sealed interface Preservation {

    /** A field to keep: in the user metadata or in standard_metadata, by its path of field names. */
    record FieldPath(boolean standard, List<String> fields) {
        public FieldPath {
            fields = List.copyOf(fields);
        }
    }

    /** Nothing kept ({@code clone(type, session)}). */
    record Nothing() implements Preservation {}

    /** The fields annotated {@code @field_list(index)}. */
    record FieldList(int index) implements Preservation {}

    /** The given fields. */
    record Fields(List<FieldPath> paths) implements Preservation {
        public Fields {
            paths = List.copyOf(paths);
        }
    }

    /** The fields this preservation keeps, for user metadata of type {@code meta}. */
    default List<FieldPath> paths(Type meta) {
        return switch (this) {
            case Nothing n -> List.of();
            case Fields f -> f.paths();
            case FieldList fl -> {
                List<FieldPath> out = new ArrayList<>();
                annotated(meta, fl.index(), new ArrayList<>(), out);
                yield out;
            }
        };
    }

    private static void annotated(Type t, int index, List<String> prefix, List<FieldPath> out) {
        if (!(t instanceof Type.Struct s)) {
            return;
        }
        for (Type.Field f : s.fields()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(f.name());
            if (inList(f.annotations(), index)) {
                out.add(new FieldPath(false, path));
            } else {
                annotated(f.type(), index, path, out);
            }
        }
    }

    private static boolean inList(List<Annotation> as, int index) {
        for (Annotation a : as) {
            if (a.name().equals("field_list")) {
                for (String part : a.text().split(",")) {
                    if (part.strip().equals(Integer.toString(index))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Reads the kept fields' values from the metadata at the end of a pipeline pass. */
    static List<Value> capture(List<FieldPath> paths, Value meta, Value standard) {
        List<Value> out = new ArrayList<>();
        for (FieldPath p : paths) {
            Value v = p.standard() ? standard : meta;
            for (String f : p.fields()) {
                v = ((FieldedValue) v).get(f);
            }
            out.add(v.copy());
        }
        return out;
    }

    /** Writes kept values into fresh metadata. */
    static void restore(List<FieldPath> paths, List<Value> values, Value meta, Value standard) {
        for (int i = 0; i < paths.size(); i++) {
            FieldPath p = paths.get(i);
            Value v = p.standard() ? standard : meta;
            List<String> fs = p.fields();
            if (fs.isEmpty()) {
                dev.p4ebpf.ir.interp.value.Values.assignInPlace(v, values.get(i));
                continue;
            }
            for (int j = 0; j < fs.size() - 1; j++) {
                v = ((FieldedValue) v).get(fs.get(j));
            }
            FieldedValue container = (FieldedValue) v;
            container.set(container.type().fieldIndex(fs.getLast()), values.get(i).copy());
        }
    }
}
