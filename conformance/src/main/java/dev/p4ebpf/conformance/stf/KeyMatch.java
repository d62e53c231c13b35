package dev.p4ebpf.conformance.stf;

/**
 * One {@code FIELD:VALUE} of an {@code add} command, e.g. {@code hdr.ipv4.dstAddr:0x0a000000/8}.
 */
public record KeyMatch(StfName field, KeyValue value) {}
