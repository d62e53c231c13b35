package dev.p4ebpf.driver.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which network namespace the calling thread is in, by the inode of {@code /proc/thread-self/ns/net}. */
final class Netns {
    private Netns() {}

    /** The inode of the calling thread's netns, or "" when it is the initial namespace (that of pid 1). */
    static String currentUnlessInitial() {
        String mine = inode(Path.of("/proc/thread-self/ns/net"));
        String initial = inode(Path.of("/proc/1/ns/net"));
        return mine.equals(initial) || mine.isEmpty() ? "" : mine;
    }

    private static String inode(Path link) {
        try {
            String target = Files.readSymbolicLink(link).toString();
            int open = target.indexOf('[');
            return open < 0 ? "" : target.substring(open + 1, target.length() - 1);
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
