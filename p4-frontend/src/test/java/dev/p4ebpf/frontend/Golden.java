package dev.p4ebpf.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: compared with, or — run with {@code -Dgolden.update=true} — rewritten from what the
 * code produces. They are never edited by hand.
 */
public final class Golden {
    private Golden() {}

    public static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    public static void check(Path golden, String actual) throws IOException {
        if (updating()) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8)
                : "<missing golden file " + golden + "; run with -Dgolden.update=true>";
        assertEquals(expected, actual, "differs from " + golden + " (regenerate with -Dgolden.update=true if intended)");
    }
}
