package dev.p4ebpf.ebpf.object;

/** libbpf's map pinning attribute ({@code LIBBPF_PIN_*}). */
public enum Pinning {
    /** Not pinned. */
    NONE,
    /** Pinned under the pin root (default {@code /sys/fs/bpf}) by the map's name. */
    BY_NAME
}
