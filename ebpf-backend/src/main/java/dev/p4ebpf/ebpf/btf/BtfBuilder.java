package dev.p4ebpf.ebpf.btf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Btf} type by type. Adding a type equal to one already added returns the existing
 * id, so shared types ({@code int}, the array index type) are stored once; the encoder stores each
 * distinct string once. Ids are handed out in order from 1 and stay valid.
 */
public final class BtfBuilder {
    private final List<BtfType> types = new ArrayList<>();
    private final Map<BtfType, Integer> ids = new HashMap<>();

    /** The id of {@code t}, adding it if no equal type was added before. */
    public int add(BtfType t) {
        Integer id = ids.get(t);
        if (id != null) {
            return id;
        }
        for (int ref : BtfRefs.of(t)) {
            if (ref < 0 || ref > types.size()) {
                throw new IllegalArgumentException("type " + t + " refers to type " + ref + ", which was not added yet");
            }
        }
        types.add(t);
        ids.put(t, types.size());
        return types.size();
    }

    /**
     * Reserves an id for a type that refers to itself (a struct with a pointer to itself), to be
     * filled with {@link #define} before {@link #build}.
     */
    public int reserve() {
        types.add(null);
        return types.size();
    }

    /** Fills a reserved id. */
    public void define(int id, BtfType t) {
        if (id < 1 || id > types.size() || types.get(id - 1) != null) {
            throw new IllegalArgumentException("type id " + id + " was not reserved or is already defined");
        }
        types.set(id - 1, t);
        ids.putIfAbsent(t, id);
    }

    /** An integer type: {@code unsigned int} is {@code integer("unsigned int", 4, false)}. */
    public int integer(String name, int size, boolean signed) {
        return add(signed ? BtfType.Int.signed(name, size) : BtfType.Int.unsigned(name, size));
    }

    public int ptr(int type) {
        return add(new BtfType.Ptr(type));
    }

    /** An array of {@code n} elements, indexed by clang's {@code __ARRAY_SIZE_TYPE__}. */
    public int array(int elemType, int n) {
        int index = add(BtfType.Int.unsigned("__ARRAY_SIZE_TYPE__", 4));
        return add(new BtfType.Array(elemType, index, n));
    }

    public int typedef(String name, int type) {
        return add(new BtfType.Typedef(name, type));
    }

    /** A struct without bitfields. */
    public int struct(String name, int size, List<BtfType.Member> members) {
        return add(new BtfType.Struct(name, size, false, members));
    }

    public int size() {
        return types.size();
    }

    /** The type added with this id. */
    public BtfType get(int id) {
        return types.get(id - 1);
    }

    /** The size of an added type (all reserved ids must be defined by now). */
    public long sizeOf(int id) throws BtfException {
        return build().sizeOf(id);
    }

    public Btf build() {
        if (types.contains(null)) {
            throw new IllegalStateException("type id " + (types.indexOf(null) + 1) + " was reserved but never defined");
        }
        return new Btf(types);
    }
}
