package dev.p4ebpf.ir.interp;

/**
 * Where a header field lies in a packet: its name ({@code hdr.ipv4.ttl}) and its bits. Packets
 * carry the spans of the fields they were built from, so that a mismatch can be told by field.
 */
public record FieldSpan(String name, long bitOffset, int width) {

    /** Whether the field has a bit in [from, to). */
    public boolean overlaps(long from, long to) {
        return bitOffset < to && from < bitOffset + width;
    }
}
