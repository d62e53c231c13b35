package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Type;

/**
 * A key field of a table as the control plane sees it.
 *
 * @param name      the control-plane name: the {@code @name} annotation, else the key expression
 *                  as printed ({@code hdr.ipv4.dstAddr})
 * @param matchKind {@code exact}, {@code lpm}, {@code ternary}, {@code range}, {@code optional}, …
 * @param type      the key's type
 * @param width     its width in bits (1 for {@code bool})
 */
public record TableKeyInfo(String name, String matchKind, Type type, int width) {}
