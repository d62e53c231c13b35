package dev.p4ebpf.driver.table;

import dev.p4ebpf.driver.map.BpfMap;

/**
 * Finds the BPF map a control-plane description names: in a loaded object, or pinned under a
 * directory. The returned map stays owned by the source.
 */
@FunctionalInterface
public interface MapSource {
    BpfMap map(String name);
}
