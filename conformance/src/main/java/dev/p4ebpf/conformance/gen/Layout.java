package dev.p4ebpf.conformance.gen;

import java.util.ArrayList;
import java.util.List;

/**
 * The data a program works on: its header types, the headers structure (headers and stacks), and
 * the metadata structure the control keeps as a local variable (with an optional nested structure).
 */
record Layout(List<HeaderType> types, List<HeaderSlot> slots, List<HeaderType.Field> meta,
              List<HeaderType.Field> inner) {
    static final String HEADERS = "headers_t";
    static final String META = "meta_t";
    static final String INNER = "inner_t";
    /** The name of the metadata variable and of its nested structure member. */
    static final String META_VAR = "meta";
    static final String INNER_MEMBER = "nested";

    /** Header bytes per header type at most, so that a deparser that moves every header stays small. */
    private static final int MAX_HEADER_BYTES = 24;
    private static final int MAX_STACK_ELEMENT_BYTES = 8;

    Layout {
        types = List.copyOf(types);
        slots = List.copyOf(slots);
        meta = List.copyOf(meta);
        inner = List.copyOf(inner);
    }

    static Layout generate(Rand r, GeneratorOptions o) {
        var types = new ArrayList<HeaderType>();
        var slots = new ArrayList<HeaderSlot>();
        int n = r.between(1, o.maxHeaders());
        for (int i = 0; i < n; i++) {
            boolean stack = o.has(Feature.HEADER_STACKS) && r.chance(0.2);
            List<HeaderType> reusable = types.stream()
                    .filter(t -> !stack || !t.wide() && t.bytes() <= MAX_STACK_ELEMENT_BYTES).toList();
            HeaderType t;
            if (!reusable.isEmpty() && r.chance(0.3)) {
                t = r.pick(reusable);
            } else {
                t = headerType(r, o, "h" + types.size() + "_t", stack);
                types.add(t);
            }
            slots.add(new HeaderSlot((stack ? "s" : "h") + i, t, stack ? r.between(2, 4) : 0));
        }
        var meta = fields(r, o, "m", r.between(1, 4));
        var inner = o.has(Feature.NESTED_STRUCTS) && r.chance(0.5) ? fields(r, o, "n", r.between(1, 3))
                : List.<HeaderType.Field>of();
        return new Layout(types, slots, meta, inner);
    }

    private static HeaderType headerType(Rand r, GeneratorOptions o, String name, boolean stackElement) {
        int maxBytes = stackElement ? MAX_STACK_ELEMENT_BYTES : MAX_HEADER_BYTES;
        int count = r.between(1, o.maxFields());
        int wideAt = !stackElement && o.has(Feature.WIDE_FIELDS) && r.chance(0.2) ? r.between(0, count - 1) : -1;
        var fields = new ArrayList<HeaderType.Field>();
        int bits = 0;
        for (int i = 0; i < count; i++) {
            ScalarType t = i == wideAt ? ScalarType.bit(r.wideWidth()) : fieldType(r, o);
            if (!o.has(Feature.NINE_BYTE_FIELDS) && t.computable() && bits % 8 + t.width() > 64) {
                t = t.isInt() ? ScalarType.sint(64 - bits % 8) : ScalarType.bit(64 - bits % 8);
            }
            if ((bits + t.width() + 7) / 8 > maxBytes) {
                break;
            }
            fields.add(new HeaderType.Field("f" + i, t));
            bits += t.width();
        }
        if (fields.isEmpty() || bits % 8 != 0) {
            fields.add(new HeaderType.Field("f" + count, ScalarType.bit(fields.isEmpty() ? 8 : 8 - bits % 8)));
        }
        return new HeaderType(name, fields);
    }

    private static ScalarType fieldType(Rand r, GeneratorOptions o) {
        if (o.has(Feature.BOOL_FIELDS) && r.chance(0.05)) {
            return ScalarType.BOOL;
        }
        if (o.has(Feature.SIGNED) && r.chance(0.15)) {
            return ScalarType.sint(r.between(2, 64));
        }
        return ScalarType.bit(r.width(64));
    }

    private static List<HeaderType.Field> fields(Rand r, GeneratorOptions o, String prefix, int count) {
        var out = new ArrayList<HeaderType.Field>();
        for (int i = 0; i < count; i++) {
            ScalarType t = r.chance(0.1) ? ScalarType.BOOL : fieldType(r, o);
            out.add(new HeaderType.Field(prefix + i, t));
        }
        return out;
    }

    void declare(Code c) {
        for (HeaderType t : types) {
            c.open("header " + t.name());
            t.fields().forEach(f -> c.line(f.type().p4() + " " + f.name() + ";"));
            c.close().blank();
        }
        if (!inner.isEmpty()) {
            c.open("struct " + INNER);
            inner.forEach(f -> c.line(f.type().p4() + " " + f.name() + ";"));
            c.close().blank();
        }
        c.open("struct " + META);
        meta.forEach(f -> c.line(f.type().p4() + " " + f.name() + ";"));
        if (!inner.isEmpty()) {
            c.line(INNER + " " + INNER_MEMBER + ";");
        }
        c.close().blank();
        c.open("struct " + HEADERS);
        for (HeaderSlot s : slots) {
            c.line(s.type().name() + (s.isStack() ? "[" + s.stackSize() + "]" : "") + " " + s.name() + ";");
        }
        c.close().blank();
    }

    /**
     * The header fields under {@code root} a body may compute with. {@code fieldsOfWideWritable}:
     * whether fields of headers with wide fields may be written (not on ebpfFilter, where a written
     * header leaves the packet for registers, which cannot hold a wide field).
     */
    List<Lval> headerFields(String root, boolean fieldsOfWideWritable) {
        var out = new ArrayList<Lval>();
        for (HeaderSlot s : slots) {
            for (String h : s.headers(root)) {
                for (HeaderType.Field f : s.type().fields()) {
                    if (f.type().computable()) {
                        out.add(new Lval(h + "." + f.name(), f.type(), !s.type().wide() || fieldsOfWideWritable));
                    }
                }
            }
        }
        return out;
    }

    /** The metadata variable's scalars. */
    List<Lval> metaFields() {
        var out = new ArrayList<Lval>();
        meta.forEach(f -> out.add(new Lval(META_VAR + "." + f.name(), f.type(), true)));
        inner.forEach(f -> out.add(new Lval(META_VAR + "." + INNER_MEMBER + "." + f.name(), f.type(), true)));
        return out;
    }

    /** Every header under {@code root} (stack elements one by one). */
    List<String> headers(String root) {
        return slots.stream().flatMap(s -> s.headers(root).stream()).toList();
    }
}
