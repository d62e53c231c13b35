package dev.p4ebpf.ebpf.controlplane;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A counter array (or a table's direct counter). Its map is an array (per-CPU when
 * {@code perCpu}) indexed by a u32; each value is {@code u64 packets} and/or {@code u64 bytes} as
 * {@code kind} says, packets first, little-endian.
 *
 * @param directTable the table this counter belongs to when it is a direct counter, else null
 */
public record Counter(String name, String controlPlaneName, Kind kind, boolean perCpu, String map, int size,
        String directTable) {

    public enum Kind {
        @JsonProperty("packets") PACKETS,
        @JsonProperty("bytes") BYTES,
        @JsonProperty("packets_and_bytes") PACKETS_AND_BYTES;

        /** Bytes of one value (one CPU's slot for per-CPU maps). */
        public int valueSize() {
            return this == PACKETS_AND_BYTES ? 16 : 8;
        }
    }
}
