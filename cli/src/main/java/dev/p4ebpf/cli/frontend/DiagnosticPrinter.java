package dev.p4ebpf.cli.frontend;

import dev.p4ebpf.ir.diag.Diagnostic;
import dev.p4ebpf.ir.diag.Span;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints diagnostics as gcc and p4c do: {@code file:line:col: error: message}, then the source line
 * and a caret under the column, then the notes.
 */
public final class DiagnosticPrinter {
    private final PrintStream out;
    private final Map<String, List<String>> sources = new HashMap<>();

    public DiagnosticPrinter(PrintStream out) {
        this.out = out;
    }

    public void print(Diagnostic d) {
        out.println(d.headline());
        excerpt(d.span());
        for (Diagnostic note : d.notes()) {
            out.println(note.headline());
            excerpt(note.span());
        }
    }

    private void excerpt(Span span) {
        if (span.isNone()) {
            return;
        }
        line(span.file(), span.line()).ifPresent(text -> {
            out.println(text);
            var caret = new StringBuilder();
            for (int i = 0; i < span.column() - 1 && i < text.length(); i++) {
                caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
            }
            int width = span.endLine() == span.line() ? Math.max(1, span.endColumn() - span.column() + 1) : 1;
            caret.append('^').append("~".repeat(Math.min(width - 1, Math.max(0, text.length() - span.column()))));
            out.println(caret);
        });
    }

    private Optional<String> line(String file, int line) {
        List<String> lines = sources.computeIfAbsent(file, DiagnosticPrinter::read);
        return line >= 1 && line <= lines.size() ? Optional.of(lines.get(line - 1)) : Optional.empty();
    }

    private static List<String> read(String file) {
        if (file.startsWith("<")) {
            return builtIn(file);
        }
        try {
            Path p = Path.of(file);
            if (Files.size(p) > (8L << 20)) {
                return List.of();
            }
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<String> builtIn(String file) {
        String name = file.substring(file.indexOf('/') + 1);
        try (var in = DiagnosticPrinter.class.getResourceAsStream("/dev/p4ebpf/frontend/include/" + name)) {
            return in == null ? List.of() : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
