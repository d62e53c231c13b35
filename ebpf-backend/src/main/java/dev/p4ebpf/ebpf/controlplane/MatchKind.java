package dev.p4ebpf.ebpf.controlplane;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a key field is matched; the JSON spelling is P4's ({@code exact}, {@code lpm}, ...). */
public enum MatchKind {
    @JsonProperty("exact") EXACT,
    @JsonProperty("lpm") LPM,
    @JsonProperty("ternary") TERNARY,
    @JsonProperty("range") RANGE,
    @JsonProperty("optional") OPTIONAL;

    public String p4Name() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
