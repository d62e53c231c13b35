package dev.p4ebpf.ebpf.btf;

import dev.p4ebpf.ebpf.btf.BtfType.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes and reads libbpf's BTF-defined maps: a {@code DATASEC ".maps"} of {@code VAR}s (linkage
 * global-allocated), each of an anonymous {@code STRUCT} whose members {@code type},
 * {@code max_entries}, {@code map_flags}, {@code key_size}, {@code value_size}, {@code pinning},
 * {@code numa_node}, {@code map_extra} are {@code PTR → ARRAY[n]} (the value is {@code n}), whose
 * {@code key}/{@code value} are {@code PTR → type}, and whose {@code values} of a map-in-map is an
 * {@code ARRAY[0]} of {@code PTR → STRUCT} (the inner map's definition).
 */
public final class BtfMaps {
    /** Name of the ELF section and its DATASEC. */
    public static final String SECTION = ".maps";

    private BtfMaps() {
    }

    /** Where a map variable sits in {@code .maps}. */
    public record Placed(MapDef def, int varType, int offset, int size) {
    }

    /**
     * Adds the definition's struct and VAR to {@code b}; returns the VAR's id and the struct's size
     * (8 bytes per member: each member is a pointer).
     */
    public static Placed define(BtfBuilder b, MapDef def, int offset) {
        int struct = defStruct(b, def);
        int var = b.add(new Var(def.name(), struct, VarLinkage.GLOBAL_ALLOCATED));
        return new Placed(def, var, offset, ((Struct) b.get(struct)).size());
    }

    /** Adds the {@code DATASEC ".maps"} over placed maps (call after all {@link #define}s). */
    public static int datasec(BtfBuilder b, List<Placed> maps) {
        List<VarSecinfo> vars = new ArrayList<>();
        int end = 0;
        for (Placed p : maps) {
            vars.add(new VarSecinfo(p.varType(), p.offset(), p.size()));
            end = Math.max(end, p.offset() + p.size());
        }
        return b.add(new Datasec(SECTION, end, vars));
    }

    private static int defStruct(BtfBuilder b, MapDef def) {
        int intType = b.integer("int", 4, true);
        List<Member> ms = new ArrayList<>();
        attr(b, ms, intType, "type", def.type(), true);
        typed(b, ms, intType, "key", def.keyType(), "key_size", def.keySize());
        typed(b, ms, intType, "value", def.valueType(), "value_size", def.valueSize());
        attr(b, ms, intType, "max_entries", def.maxEntries(), false);
        attr(b, ms, intType, "map_flags", def.flags(), false);
        attr(b, ms, intType, "numa_node", def.numaNode(), false);
        if (def.mapExtra() != 0) {
            if (def.mapExtra() < 0 || def.mapExtra() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("map_extra " + def.mapExtra() + " does not fit an array length");
            }
            attr(b, ms, intType, "map_extra", (int) def.mapExtra(), false);
        }
        attr(b, ms, intType, "pinning", def.pinning(), false);
        if (def.inner().isPresent()) {
            int inner = defStruct(b, def.inner().get());
            ms.add(Member.at("values", b.array(b.ptr(inner), 0), ms.size() * 64));
        }
        return b.add(new Struct("", ms.size() * 8, false, ms));
    }

    private static void attr(BtfBuilder b, List<Member> ms, int intType, String name, int value, boolean always) {
        if (value != 0 || always) {
            ms.add(Member.at(name, b.ptr(b.array(intType, value)), ms.size() * 64));
        }
    }

    private static void typed(BtfBuilder b, List<Member> ms, int intType, String name, int type, String sizeName, int size) {
        if (type != 0) {
            ms.add(Member.at(name, b.ptr(type), ms.size() * 64));
        } else {
            attr(b, ms, intType, sizeName, size, false);
        }
    }

    /** A map variable found in {@code .maps}: its definition and where the DATASEC places it. */
    public record Found(MapDef def, int offset, int size) {
    }

    /** Reads every map of the {@code .maps} DATASEC; empty if there is none. */
    public static List<Found> parse(Btf btf) throws BtfException {
        Optional<Integer> sec = btf.find(Datasec.class, SECTION);
        List<Found> out = new ArrayList<>();
        if (sec.isEmpty()) {
            return out;
        }
        for (VarSecinfo vs : ((Datasec) btf.type(sec.get())).vars()) {
            if (!(btf.checked(vs.type()) instanceof Var var)) {
                throw new BtfException("DATASEC .maps entry refers to type " + vs.type() + ", which is not a VAR");
            }
            out.add(new Found(parseDef(btf, var.name(), var.type()), vs.offset(), vs.size()));
        }
        return out;
    }

    /** Parses the map definition struct {@code structType} of map {@code name}. */
    public static MapDef parseDef(Btf btf, String name, int structType) throws BtfException {
        if (!(btf.checked(btf.resolve(structType)) instanceof Struct s)) {
            throw new BtfException("map '" + name + "': its definition (BTF type " + structType + ") is not a struct");
        }
        long[] v = new long[8];
        int keyType = 0;
        int valueType = 0;
        Optional<MapDef> inner = Optional.empty();
        List<String> names = List.of("type", "key_size", "value_size", "max_entries", "map_flags", "pinning",
                "numa_node", "map_extra");
        boolean hasType = false;
        for (Member m : s.members()) {
            int idx = names.indexOf(m.name());
            switch (m.name()) {
                case "key" -> keyType = pointee(btf, name, m);
                case "value" -> valueType = pointee(btf, name, m);
                case "values" -> inner = Optional.of(innerDef(btf, name, m));
                default -> {
                    if (idx < 0) {
                        throw new BtfException("map '" + name + "': unknown map attribute '" + m.name()
                                + "' (known: type, key, value, key_size, value_size, max_entries, map_flags, pinning,"
                                + " numa_node, map_extra, values)");
                    }
                    v[idx] = arrayLength(btf, name, m);
                    hasType |= idx == 0;
                }
            }
        }
        if (!hasType) {
            throw new BtfException("map '" + name + "' has no 'type' attribute");
        }
        long keySize = sized(btf, name, "key", keyType, v[1]);
        long valueSize = sized(btf, name, "value", valueType, v[2]);
        return new MapDef(name, (int) v[0], (int) keySize, (int) valueSize, (int) v[3], (int) v[4], (int) v[5],
                (int) v[6], v[7], keyType, valueType, inner);
    }

    private static long sized(Btf btf, String map, String what, int type, long given) throws BtfException {
        if (type == 0) {
            return given;
        }
        long size = btf.sizeOf(type);
        if (given != 0 && given != size) {
            throw new BtfException("map '" + map + "': " + what + "_size " + given + " contradicts the " + size
                    + "-byte " + what + " type");
        }
        if (size > Integer.MAX_VALUE) {
            throw new BtfException("map '" + map + "': " + what + " type of " + size + " bytes is too large");
        }
        return size;
    }

    private static int pointee(Btf btf, String map, Member m) throws BtfException {
        if (!(btf.checked(btf.resolve(m.type())) instanceof Ptr p)) {
            throw new BtfException("map '" + map + "': attribute '" + m.name() + "' must be a pointer to the "
                    + m.name() + " type");
        }
        return p.type();
    }

    private static long arrayLength(Btf btf, String map, Member m) throws BtfException {
        if (btf.checked(btf.resolve(m.type())) instanceof Ptr p && p.type() != 0
                && btf.checked(btf.resolve(p.type())) instanceof BtfType.Array a) {
            return Integer.toUnsignedLong(a.elems());
        }
        throw new BtfException("map '" + map + "': attribute '" + m.name()
                + "' must be a pointer to an array whose length is the value (use __uint(" + m.name() + ", N))");
    }

    private static MapDef innerDef(Btf btf, String map, Member m) throws BtfException {
        if (btf.checked(btf.resolve(m.type())) instanceof BtfType.Array a
                && btf.checked(btf.resolve(a.elemType())) instanceof Ptr p) {
            return parseDef(btf, map + ".inner", p.type());
        }
        throw new BtfException("map '" + map + "': 'values' must be an array of pointers to the inner map's definition");
    }
}
