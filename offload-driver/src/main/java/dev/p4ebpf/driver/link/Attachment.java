package dev.p4ebpf.driver.link;

import dev.p4ebpf.driver.prog.BpfProgram;
import java.nio.file.Path;

/**
 * A program attached to an interface hook. Closed set: a kernel {@link BpfLink} (XDP or tcx), an
 * {@link XdpNetlink} attachment, or a {@link ClsBpf} filter.
 *
 * <p>{@link #replace} swaps the program atomically: every packet runs either the old or the new
 * program, never none. {@link #detach} removes it from the interface. {@link #close} only releases
 * this process's descriptors; an unpinned BPF link is then detached by the kernel, while netlink
 * attachments and pinned links stay.
 */
public sealed interface Attachment extends AutoCloseable permits BpfLink, XdpNetlink, ClsBpf {
    Target target();

    AttachMode mode();

    Mechanism mechanism();

    /** The id of the program running there now. */
    int programId();

    /** Atomically replaces the running program by {@code next}. */
    void replace(BpfProgram next);

    /** Removes the program from the interface. Idempotent. */
    void detach();

    /** Pins what identifies this attachment (the link, for BPF links) under {@code dir}. */
    void pin(Path dir);

    @Override
    void close();
}
