package dev.p4ebpf.ebpf.lower;

import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.lir.LFunction;
import java.util.List;

/**
 * A P4 program lowered for one hook: the program's LIR function, the maps it needs, and its
 * control-plane description.
 */
public record Lowered(LFunction function, List<MapLayout> maps, ControlPlane controlPlane, String section) {
    public Lowered {
        maps = List.copyOf(maps);
    }

    /** A map with its key and value laid out member by member (BTF structs), or as plain integers. */
    public record MapLayout(String name, dev.p4ebpf.ebpf.object.MapType type, int keySize, int valueSize, int maxEntries,
                            int flags, String keyType, List<Member> keyMembers, String valueType,
                            List<Member> valueMembers, java.util.Optional<MapLayout> inner) {
        public MapLayout {
            keyMembers = List.copyOf(keyMembers);
            valueMembers = List.copyOf(valueMembers);
        }
    }

    /**
     * A member of a key or value; members of one {@code group} (an action's parameters) share the
     * bytes of the other groups, and become one struct each in a union.
     */
    public record Member(String name, int offset, int size, String group) {}
}
