package dev.p4ebpf.driver.table;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.map.MapBatch;
import dev.p4ebpf.driver.map.MapTypes;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.Counter;
import java.util.ArrayList;
import java.util.List;

/** Reads and resets the program's counters by P4 name; per-CPU counters are summed over CPUs. */
public final class Counters {
    /** One counter cell; a count the counter's kind does not keep is 0. */
    public record Value(int index, long packets, long bytes) {}

    private final ControlPlane cp;
    private final MapSource source;

    public Counters(ControlPlane cp, MapSource source) {
        this.cp = cp;
        this.source = source;
    }

    public Counter counter(String name) {
        return cp.counter(name).orElseThrow(() -> new DriverException(Kind.BAD_INPUT, "There is no counter '" + name
                + "' in " + cp.program() + "; its counters are: "
                + String.join(", ", cp.counters().stream().map(Counter::controlPlaneName).toList()) + "."));
    }

    /** Every cell of the counter, by index. */
    public List<Value> read(String name) {
        Counter c = counter(name);
        BpfMap map = source.map(c.map());
        List<Value> values = new ArrayList<>();
        for (MapBatch.Entry e : MapBatch.dump(map)) {
            int index = EntryCodec.getU32(e.key(), 0);
            long[] sum = sum(c, map, e.value());
            values.add(new Value(index, sum[0], sum[1]));
        }
        values.sort(java.util.Comparator.comparingInt(Value::index));
        return values;
    }

    private static long[] sum(Counter c, BpfMap map, byte[] value) {
        int slot = MapTypes.isPerCpu(map.info().type()) ? (map.info().valueSize() + 7) & ~7 : value.length;
        long packets = 0;
        long bytes = 0;
        for (int off = 0; off + c.kind().valueSize() <= value.length; off += slot) {
            long first = java.nio.ByteBuffer.wrap(value, off, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
            switch (c.kind()) {
                case PACKETS -> packets += first;
                case BYTES -> bytes += first;
                case PACKETS_AND_BYTES -> {
                    packets += first;
                    bytes += java.nio.ByteBuffer.wrap(value, off + 8, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .getLong();
                }
            }
        }
        return new long[] {packets, bytes};
    }

    /** Sets every cell of the counter to zero. */
    public void reset(String name) {
        Counter c = counter(name);
        BpfMap map = source.map(c.map());
        int n = map.info().maxEntries();
        byte[] keys = new byte[n * 4];
        for (int i = 0; i < n; i++) {
            EntryCodec.putU32(keys, i * 4, i);
        }
        MapBatch.Result r = MapBatch.update(map, keys, new byte[n * map.userValueSize()], n, Uapi.BPF_ANY);
        if (!r.ok()) {
            throw r.failure().get();
        }
    }
}
