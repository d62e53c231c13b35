package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.object.MapType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The BPF maps the lowered program uses, with names the kernel accepts (at most 15 bytes, unique
 * in the object), each with the layout of its key and value for BTF.
 */
final class Maps {
    /** A struct member of a key or value, for BTF: name, byte offset, byte size. */
    record Member(String name, int offset, int size, String group) {
        Member(String name, int offset, int size) {
            this(name, offset, size, "");
        }
    }

    /** A map to create: key and value described member by member (empty lists: plain integers). */
    record Def(String name, MapType type, int keySize, int valueSize, int maxEntries, int flags, String keyType,
               List<Member> keyMembers, String valueType, List<Member> valueMembers, java.util.Optional<Def> inner) {
        Def {
            keyMembers = List.copyOf(keyMembers);
            valueMembers = List.copyOf(valueMembers);
        }

        Def(String name, MapType type, int keySize, int valueSize, int maxEntries, int flags, String keyType,
            List<Member> keyMembers, String valueType, List<Member> valueMembers) {
            this(name, type, keySize, valueSize, maxEntries, flags, keyType, keyMembers, valueType, valueMembers,
                    java.util.Optional.empty());
        }
    }

    private final List<Def> defs = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    /** A unique map name derived from {@code base}. */
    String name(String base) {
        String clean = base.replaceAll("[^A-Za-z0-9_]", "_");
        String n = clean.length() > 15 ? clean.substring(0, 15) : clean;
        for (int i = 1; !names.add(n); i++) {
            String suffix = "_" + i;
            n = (clean.length() + suffix.length() > 15 ? clean.substring(0, 15 - suffix.length()) : clean) + suffix;
        }
        return n;
    }

    void add(Def d) {
        defs.add(d);
    }

    List<Def> all() {
        return List.copyOf(defs);
    }
}
