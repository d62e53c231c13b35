package dev.p4ebpf.ebpf.btf;

/**
 * BTF or BTF.ext bytes that cannot be decoded (bad magic, truncated, out-of-range offsets,
 * unknown kinds), or a type graph that does not describe what was asked (a map definition
 * without {@code type}). The message says where and what.
 */
public final class BtfException extends Exception {
    private static final long serialVersionUID = 1L;

    public BtfException(String message) {
        super(message);
    }
}
