package dev.p4ebpf.frontend;

import dev.p4ebpf.ir.diag.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text of source lines by span, for line info in objects and for disassembly listings: files
 * are read once, on first use; the bundled standard includes come from the resources. A line that
 * cannot be read is empty, never an error.
 */
public final class SourceLines {
    private final Map<String, List<String>> files = new HashMap<>();

    public Optional<String> line(Span s) {
        if (s.isNone()) {
            return Optional.empty();
        }
        List<String> lines = files.computeIfAbsent(s.file(), SourceLines::read);
        return s.line() >= 1 && s.line() <= lines.size() ? Optional.of(lines.get(s.line() - 1)) : Optional.empty();
    }

    private static List<String> read(String file) {
        if (file.startsWith("<built-in>/")) {
            try (var in = SourceLines.class.getResourceAsStream("/dev/p4ebpf/frontend/include/"
                    + file.substring("<built-in>/".length()))) {
                return in == null ? List.of() : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            } catch (IOException e) {
                return List.of();
            }
        }
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
