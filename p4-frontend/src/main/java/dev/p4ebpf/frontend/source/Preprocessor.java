package dev.p4ebpf.frontend.source;

import dev.p4ebpf.ir.diag.Code;
import dev.p4ebpf.ir.diag.Diagnostics;
import dev.p4ebpf.ir.diag.Span;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anarres.cpp.LexerException;
import org.anarres.cpp.PreprocessorListener;
import org.anarres.cpp.Source;
import org.anarres.cpp.Token;

/**
 * Runs the C preprocessor over a P4 source file, as p4c does with {@code cpp -undef -nostdinc}: no
 * predefined macros, {@code -I} directories searched before the bundled standard includes, and
 * {@code #include "…"} relative to the including file first.
 */
public final class Preprocessor {
    /** An include nested this deep names the same file several times over: it is a cycle. */
    private static final int MAX_INCLUDE_REPEATS = 3;
    private static final int MAX_INCLUDE_DEPTH = 200;
    private static final Pattern NOT_FOUND = Pattern.compile("File not found: (\\S+)(?: in.*)?");

    private final List<Path> includeDirs;
    private final Map<String, String> defines;

    /** {@code defines} maps a macro name to its value ({@code "1"} for {@code -D NAME}). */
    public Preprocessor(List<Path> includeDirs, Map<String, String> defines) {
        this.includeDirs = List.copyOf(includeDirs);
        this.defines = Map.copyOf(defines);
    }

    /** Preprocesses {@code main}, reporting problems to {@code diags}; the text is partial when errors were reported. */
    public Preprocessed run(SourceFile main, Path mainPath, Diagnostics diags) {
        var files = new IncludeFiles();
        var tracker = new Tracker(diags);
        var out = new StringBuilder(main.text().length() + 4096);
        try (var pp = new org.anarres.cpp.Preprocessor()) {
            pp.addFeature(org.anarres.cpp.Feature.LINEMARKERS);
            pp.setFileSystem(files);
            pp.setListener(tracker);
            var search = new ArrayList<String>();
            includeDirs.forEach(d -> search.add(d.toString()));
            search.add(IncludeFiles.BUILT_IN);
            pp.setSystemIncludePath(search);
            pp.setQuoteIncludePath(search);
            for (var d : defines.entrySet()) {
                pp.addMacro(d.getKey(), d.getValue());
            }
            String path = mainPath == null ? main.name() : mainPath.toString();
            pp.addInput(new IncludeFiles.NamedSource(CppEscapes.protect(main.text()), main.name(), path));
            copyTokens(pp, out);
        } catch (LexerException | IOException | org.anarres.cpp.InternalException e) {
            // jcpp reports most problems through the listener; what it throws has no position but the file
            diags.report(Code.PREPROCESSOR, Span.at(tracker.currentFile(main.name()), 1, 1), cppMessage(e));
        } catch (Stop stop) {
            // the reason is already reported
        }
        files.failures().forEach(diags::report);
        return finish(out, main.name(), tracker.filesRead);
    }

    private static void copyTokens(org.anarres.cpp.Preprocessor pp, StringBuilder out) throws IOException, LexerException {
        for (Token t = pp.token(); t.getType() != Token.EOF; t = pp.token()) {
            if (t.getType() == Token.CCOMMENT) {
                // keep the line structure of multi-line comments
                t.getText().chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
                out.append(' ');
            } else if (t.getType() != Token.CPPCOMMENT) {
                out.append(t.getText());
            }
        }
    }

    private static String cppMessage(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (m.startsWith("Bad token")) {
            int q = m.lastIndexOf(":\"");
            String token = q >= 0 ? m.substring(q + 2, Math.max(q + 2, m.length() - 1)) : "?";
            return "unexpected '" + token + "' outside a preprocessor directive";
        }
        return m;
    }

    /** Turns the marker lines into line-map entries and blanks them. */
    private static Preprocessed finish(StringBuilder raw, String mainName, Set<String> filesRead) {
        var lines = new LineMap.Builder();
        lines.mark(1, mainName, 1);
        var text = new StringBuilder(raw.length());
        int outputLine = 1;
        String file = mainName;
        int start = 0;
        while (start <= raw.length()) {
            int end = raw.indexOf("\n", start);
            boolean last = end < 0;
            String line = raw.substring(start, last ? raw.length() : end);
            var marker = CppEscapes.parse(line);
            if (marker.isPresent()) {
                file = marker.get().file().orElse(file);
                lines.mark(outputLine + 1, file, marker.get().line());
            } else {
                text.append(CppEscapes.restore(line));
            }
            if (last) {
                break;
            }
            text.append('\n');
            outputLine++;
            start = end + 1;
        }
        var read = new ArrayList<String>();
        read.add(mainName);
        filesRead.stream().filter(f -> !f.equals(mainName)).forEach(read::add);
        return new Preprocessed(text.toString(), lines.build(mainName), read);
    }

    /** Thrown out of jcpp's callbacks to abandon preprocessing (include cycles). */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    /** Turns jcpp's callbacks into diagnostics and watches the include stack for cycles. */
    private final class Tracker implements PreprocessorListener {
        private final Diagnostics diags;
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> filesRead = new LinkedHashSet<>();

        Tracker(Diagnostics diags) {
            this.diags = diags;
        }

        String currentFile(String fallback) {
            return stack.isEmpty() ? fallback : stack.peek();
        }

        @Override
        public void handleWarning(Source source, int line, int column, String msg) {
            diags.report(Code.PREPROCESSOR_WARNING, where(source, line, column), msg);
        }

        @Override
        public void handleError(Source source, int line, int column, String msg) {
            Matcher m = NOT_FOUND.matcher(msg);
            if (m.matches()) {
                var searched = new ArrayList<String>();
                includeDirs.forEach(d -> searched.add(d.toString()));
                searched.add(IncludeFiles.BUILT_IN);
                diags.report(Code.INCLUDE_NOT_FOUND, where(source, line, column), m.group(1),
                        String.join(", ", searched));
            } else {
                diags.report(Code.PREPROCESSOR, where(source, line, column), msg.replace("#" + "error", "#error"));
            }
        }

        private Span where(Source source, int line, int column) {
            String name = source == null ? currentFile("<input>") : source.getName();
            return Span.at(name == null ? currentFile("<input>") : name, Math.max(line, 1), Math.max(column + 1, 1));
        }

        @Override
        public void handleSourceChange(Source source, SourceChangeEvent event) {
            if (!(source instanceof IncludeFiles.NamedSource)) {
                return;
            }
            switch (event) {
                case PUSH -> push(source.getName());
                case POP -> stack.poll();
                case SUSPEND, RESUME -> { }
            }
        }

        private void push(String name) {
            filesRead.add(name);
            stack.push(name);
            long repeats = stack.stream().filter(name::equals).count();
            if (repeats > MAX_INCLUDE_REPEATS || stack.size() > MAX_INCLUDE_DEPTH) {
                var chain = new ArrayList<>(stack);
                java.util.Collections.reverse(chain);
                int first = chain.indexOf(name);
                diags.report(Code.INCLUDE_CYCLE, Span.at(chain.get(chain.size() - 2), 1, 1),
                        String.join(" -> ", chain.subList(first, Math.min(chain.size(), first + 1 + cycleLength(chain, first)))));
                throw new Stop();
            }
        }

        private static int cycleLength(List<String> chain, int first) {
            for (int i = first + 1; i < chain.size(); i++) {
                if (chain.get(i).equals(chain.get(first))) {
                    return i - first;
                }
            }
            return chain.size() - first - 1;
        }
    }
}
