package dev.p4ebpf.ebpf.object;

import dev.p4ebpf.ebpf.btf.MapDef;
import java.util.Optional;

/** Conversions between {@link MapSpec} and the BTF map definition {@link MapDef}. */
public final class MapSpecs {
    private MapSpecs() {
    }

    public static MapDef toDef(MapSpec m) {
        return new MapDef(m.name(), m.type().id(), m.btfKeyType() == 0 ? m.keySize() : 0,
                m.btfValueType() == 0 ? m.valueSize() : 0, m.maxEntries(), m.flags(), m.pinning().ordinal(),
                m.numaNode(), m.mapExtra(), m.btfKeyType(), m.btfValueType(), m.inner().map(MapSpecs::toDef));
    }

    /** The spec a definition describes; fails on a map type or pinning value p4ebpf does not know. */
    public static MapSpec fromDef(MapDef d) {
        MapType type = MapType.byId(d.type()).orElseThrow(() -> new IllegalArgumentException(
                "map '" + d.name() + "' has unknown map type " + d.type()));
        if (d.pinning() < 0 || d.pinning() >= Pinning.values().length) {
            throw new IllegalArgumentException("map '" + d.name() + "' has unknown pinning " + d.pinning()
                    + " (0 none, 1 by name)");
        }
        Optional<MapSpec> inner = d.inner().map(MapSpecs::fromDef);
        return new MapSpec(d.name(), type, d.keySize(), d.valueSize(), d.maxEntries(), d.flags(),
                Pinning.values()[d.pinning()], d.numaNode(), d.mapExtra(), inner, d.keyType(), d.valueType());
    }
}
