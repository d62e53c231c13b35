package dev.p4ebpf.driver.table;

import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.map.MapAttributes;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.ControlPlaneJson;
import dev.p4ebpf.ebpf.controlplane.Counter;
import dev.p4ebpf.ebpf.controlplane.Table;
import dev.p4ebpf.ebpf.controlplane.TableMaps;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Creates, for tests, the maps a compiled object would have for a control-plane description (the
 * loader creates them from the ELF in real use).
 */
final class TestMaps implements MapSource, AutoCloseable {
    private final Map<String, BpfMap> maps = new HashMap<>();

    static ControlPlane example() throws Exception {
        try (InputStream in = TestMaps.class.getResourceAsStream("tables.json")) {
            return ControlPlaneJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "tables.json");
        }
    }

    TestMaps(ControlPlane cp) {
        for (Table t : cp.tables()) {
            create(t.maps().defaultMap(), Uapi.BPF_MAP_TYPE_ARRAY, 4, t.value().size(), 1, 0);
            switch (t.maps()) {
                case TableMaps.Exact x -> create(x.map(), x.mapType().equals("array") ? Uapi.BPF_MAP_TYPE_ARRAY
                        : Uapi.BPF_MAP_TYPE_HASH, x.keySize(), t.value().size(), t.size(), 0);
                case TableMaps.Lpm l -> create(l.map(), Uapi.BPF_MAP_TYPE_LPM_TRIE, l.keySize(), t.value().size(),
                        t.size(), Uapi.BPF_F_NO_PREALLOC);
                case TableMaps.Ternary x -> {
                    create(x.masksMap(), Uapi.BPF_MAP_TYPE_ARRAY, 4, TernaryStore.SLOT_HEADER + x.keySize(),
                            x.maxMasks(), 0);
                    try (BpfMap inner = BpfMap.create(MapAttributes.of("inner", Uapi.BPF_MAP_TYPE_HASH, x.keySize(),
                            t.value().size(), x.maxEntriesPerMask(), 0))) {
                        maps.put(x.tuplesMap(), BpfMap.create(new MapAttributes(x.tuplesMap(),
                                Uapi.BPF_MAP_TYPE_ARRAY_OF_MAPS, 4, 4, x.maxMasks(), 0, 0, 0, 0, 0, 0)
                                .withInnerMapFd(inner.fd().value())));
                    }
                }
            }
        }
        for (Counter c : cp.counters()) {
            create(c.map(), c.perCpu() ? Uapi.BPF_MAP_TYPE_PERCPU_ARRAY : Uapi.BPF_MAP_TYPE_ARRAY, 4,
                    c.kind().valueSize(), c.size(), 0);
        }
    }

    private void create(String name, int type, int key, int value, int max, int flags) {
        maps.put(name, BpfMap.create(MapAttributes.of(name, type, key, value, max, flags)));
    }

    @Override
    public BpfMap map(String name) {
        BpfMap m = maps.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no test map " + name);
        }
        return m;
    }

    @Override
    public void close() {
        maps.values().forEach(BpfMap::close);
    }
}
