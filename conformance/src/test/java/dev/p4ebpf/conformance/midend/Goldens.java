package dev.p4ebpf.conformance.midend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: compared with what a test produced, or rewritten with it when the build runs with
 * {@code -Dgolden.update=true}. They are never edited by hand.
 */
final class Goldens {
    private Goldens() {}

    static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /** Asserts that {@code actual} is the content of {@code golden}, or records it when updating. */
    static void check(Path golden, String actual) {
        try {
            if (updating()) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual);
                return;
            }
            assumeTrue(Files.exists(golden), () -> "no golden file " + golden
                    + " (run with -Dgolden.update=true to record it)");
            assertEquals(Files.readString(golden), actual, () -> "output differs from " + golden
                    + " (if the change is intended, regenerate with -Dgolden.update=true)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
