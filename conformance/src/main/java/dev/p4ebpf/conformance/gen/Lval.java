package dev.p4ebpf.conformance.gen;

/**
 * A scalar a body may read: its P4 text ({@code hdr.h1.f0}, {@code meta.m2}, a local) and type,
 * and whether it may also be assigned.
 */
record Lval(String text, ScalarType type, boolean writable) {}
