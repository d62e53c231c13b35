package dev.p4ebpf.driver.table;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.map.BpfMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Maps pinned as {@code DIR/NAME}, opened on first use and closed with this source. */
public final class PinnedMaps implements MapSource, AutoCloseable {
    private final Path dir;
    private final Map<String, BpfMap> open = new HashMap<>();

    public PinnedMaps(Path dir) {
        this.dir = dir;
    }

    @Override
    public BpfMap map(String name) {
        BpfMap map = open.get(name);
        if (map == null) {
            Path pin = dir.resolve(dev.p4ebpf.driver.pin.PinNames.encode(name));
            if (!Files.exists(pin)) {
                throw new DriverException(Kind.NOT_FOUND, "The map " + name + " is not pinned under " + dir
                        + ". Load the program with its maps pinned there ('p4ebpf load ... --pin DIR'), or give the"
                        + " directory it was pinned in.");
            }
            map = BpfMap.fromPin(pin);
            open.put(name, map);
        }
        return map;
    }

    @Override
    public void close() {
        open.values().forEach(BpfMap::close);
        open.clear();
    }
}
