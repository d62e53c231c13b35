package dev.p4ebpf.ebpf.elf;

/**
 * An ELF file that is not a BPF object p4ebpf can read (not ELF, not BPF, corrupt, truncated,
 * out-of-range offsets), or that uses a feature p4ebpf does not support (legacy {@code maps}
 * section, data sections, unknown relocations, CO-RE). The message names the file, where in
 * it, and what to do.
 */
public final class ElfException extends Exception {
    private static final long serialVersionUID = 1L;

    public ElfException(String message) {
        super(message);
    }

    public ElfException(String message, Throwable cause) {
        super(message, cause);
    }
}
