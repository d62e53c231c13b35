package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.object.MapSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PERF_EVENT_ARRAY}: the records {@code bpf_perf_event_output} wrote, in order, each with the
 * slot (CPU) it went to. Every slot below {@code max_entries} behaves as if a reader were attached;
 * {@code max_entries} 0 means one slot per possible CPU, which in the VM is one.
 */
public final class EventArray extends VmMap {
    /** One record: the slot it was written to and its bytes. */
    public record Event(int slot, byte[] data) {
        public Event {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    private final List<Event> events = new ArrayList<>();

    EventArray(MapSpec spec, Addresses addresses) {
        super(spec, addresses);
    }

    int slots() {
        return Math.max(1, spec.maxEntries());
    }

    void add(int slot, byte[] data) {
        events.add(new Event(slot, data));
    }

    /** The records written so far. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** Removes the records, as a reader would after consuming them. */
    public void clear() {
        events.clear();
    }

    @Override
    public List<byte[]> keys() {
        return List.of();
    }

    @Override
    Region lookupRegion(byte[] key) {
        throw new Trap(VmFault.INVALID_HELPER_ARGUMENT, "programs cannot look up perf event array " + name());
    }

    @Override
    Region peekRegion(byte[] key) {
        return null;
    }

    @Override
    int updateElem(byte[] key, byte[] value, long flags) {
        return -Errno.EOPNOTSUPP;
    }

    @Override
    int deleteElem(byte[] key) {
        return -Errno.EOPNOTSUPP;
    }
}
