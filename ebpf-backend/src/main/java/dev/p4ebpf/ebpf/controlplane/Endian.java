package dev.p4ebpf.ebpf.controlplane;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Byte order of a field in a BPF key or value: {@code big} (network order, as the field is in the
 * packet) or {@code little} (host order on x86-64, as the program computed it).
 */
public enum Endian {
    @JsonProperty("big") BIG,
    @JsonProperty("little") LITTLE
}
