package dev.p4ebpf.ebpf.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources}: compared by default, rewritten when the build runs
 * with {@code -Dgolden.update=true}. Never edit one by hand.
 */
public final class Golden {
    private Golden() {
    }

    public static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /** The source path of a test resource (relative to src/test/resources). */
    public static Path resourcePath(String relative) {
        return Path.of(System.getProperty("basedir", "."), "src", "test", "resources").resolve(relative);
    }

    public static String read(String relative) {
        Path p = resourcePath(relative);
        assertTrue(Files.exists(p), "golden file " + p + " is missing; run the build with -Dgolden.update=true");
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(String relative, String content) {
        try {
            Path p = resourcePath(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares {@code actual} with the golden file, or rewrites it when updating. */
    public static void check(String relative, String actual) {
        if (updating()) {
            write(relative, actual);
            return;
        }
        assertEquals(read(relative), actual, "output differs from golden file " + relative
                + " (if the change is intended, rerun with -Dgolden.update=true and review the diff)");
    }
}
