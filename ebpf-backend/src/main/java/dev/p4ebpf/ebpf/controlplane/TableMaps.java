package dev.p4ebpf.ebpf.controlplane;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The BPF maps that hold one table's entries, by implementation ({@code "kind"} in JSON). Every
 * kind also has {@code defaultMap}: a one-entry array (key u32 0) whose value, laid out like an
 * entry's, is the action run on a miss; the control plane may rewrite it unless the default
 * action is const.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TableMaps.Exact.class, name = "exact"),
    @JsonSubTypes.Type(value = TableMaps.Lpm.class, name = "lpm"),
    @JsonSubTypes.Type(value = TableMaps.Ternary.class, name = "ternary")
})
public sealed interface TableMaps {
    /** Bytes of the BPF key. */
    int keySize();

    String defaultMap();

    /**
     * All-exact keys: one map named {@code map}, a {@code hash} map, or an {@code array} when the
     * key is a single exact field of at most 32 bits (stored little-endian as the u32 index). In
     * an array every index holds a value, so an all-zero value means "no entry" (a miss, which
     * runs the default action): the backend numbers the actions of array tables from 1.
     */
    record Exact(String map, String mapType, int keySize, String defaultMap) implements TableMaps {}

    /**
     * One LPM field (last) after any exact fields: an LPM trie {@code map} whose key is
     * {@code u32 prefixlen} (host order) then the data in network order; the prefix length counts
     * the bits of the data before the LPM field, plus the LPM field's leading padding
     * ({@code 8 * byteSize - bitWidth}, fields being right-aligned in their bytes), plus its prefix.
     */
    record Lpm(String map, int keySize, String defaultMap) implements TableMaps {}

    /**
     * Ternary, range or optional fields: tuple-space search. Each distinct mask gets its own hash
     * map (an inner map of the array-of-maps {@code tuplesMap}, slot = tuple id) whose keys are
     * the masked key bytes and whose values carry a priority. {@code masksMap} is an array of
     * {@code maxMasks} entries, each {@code u32 tupleId; u32 used; u32 maxPriority; u32 pad;
     * u8 mask[keySize]}, kept sorted by descending {@code maxPriority} with the used ones first,
     * so the program may stop at the first unused slot or when no later mask can win. Ranges are
     * expanded into ternary entries by the control plane.
     */
    record Ternary(String tuplesMap, String masksMap, int maxMasks, int keySize, int maxEntriesPerMask,
            String defaultMap) implements TableMaps {}
}
