package dev.p4ebpf.driver.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What a test may leave behind: this process's BPF descriptors (from /proc/self/fd). */
public final class Leaks {
    private Leaks() {}

    /** Descriptors of this process that refer to BPF objects, as "fd -> anon_inode:bpf-prog". */
    public static Set<String> bpfFds() {
        Set<String> fds = new TreeSet<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : entries.toList()) {
                try {
                    String target = Files.readSymbolicLink(p).toString();
                    if (target.startsWith("anon_inode:bpf") || target.startsWith("anon_inode:[bpf")
                            || target.contains("netlink") || target.startsWith("socket:")) {
                        fds.add(p.getFileName() + " -> " + target);
                    }
                } catch (IOException e) {
                    // closed while listing
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
        return fds;
    }
}
