package dev.p4ebpf.frontend.source;

import dev.p4ebpf.ir.diag.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anarres.cpp.LexerSource;
import org.anarres.cpp.Source;
import org.anarres.cpp.VirtualFile;
import org.anarres.cpp.VirtualFileSystem;

/**
 * The files the preprocessor may read: real files, and the standard includes bundled with p4ebpf
 * under the pseudo-directory {@value #BUILT_IN}. Every file goes through {@link SourceLoader}'s
 * checks; one that fails them is recorded and reads as empty, so preprocessing ends with the
 * loader's diagnostic instead of a partial program.
 */
final class IncludeFiles implements VirtualFileSystem {
    /** How diagnostics and the include search path name the bundled include directory. */
    static final String BUILT_IN = "<built-in>";
    private static final String RESOURCES = "/dev/p4ebpf/frontend/include/";

    private final List<Diagnostic> failures = new ArrayList<>();

    List<Diagnostic> failures() {
        return failures;
    }

    @Override
    public VirtualFile getFile(String path) {
        if (path.startsWith(BUILT_IN + "/")) {
            return new BuiltIn(path.substring(BUILT_IN.length() + 1));
        }
        return new Real(Path.of(path), path);
    }

    @Override
    public VirtualFile getFile(String dir, String name) {
        if (dir.equals(BUILT_IN)) {
            return new BuiltIn(name);
        }
        Path p = Path.of(dir).resolve(name);
        return new Real(p, dir.equals(".") ? name : p.toString());
    }

    /** The bundled text of a standard include such as {@code core.p4}, if there is one. */
    static Optional<byte[]> builtIn(String name) {
        if (name.contains("..") || name.startsWith("/")) {
            return Optional.empty();
        }
        try (InputStream in = IncludeFiles.class.getResourceAsStream(RESOURCES + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Source source(SourceLoader.Loaded loaded, String name, String path) {
        String text = switch (loaded) {
            case SourceLoader.Ok ok -> CppEscapes.protect(ok.file().text());
            case SourceLoader.Failed f -> {
                failures.add(f.diagnostic());
                yield "";
            }
        };
        return new NamedSource(text, name, path);
    }

    /** A jcpp source whose name and path are ours. */
    static final class NamedSource extends LexerSource {
        private final String name;
        private final String path;

        NamedSource(String text, String name, String path) {
            super(new StringReader(text), true);
            this.name = name;
            this.path = path;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getPath() {
            return path;
        }
    }

    private final class Real implements VirtualFile {
        private final Path path;
        private final String name;

        Real(Path path, String name) {
            this.path = path;
            this.name = name;
        }

        @Override
        public boolean isFile() {
            return Files.isRegularFile(path);
        }

        @Override
        public String getPath() {
            return path.toString();
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public VirtualFile getParentFile() {
            Path parent = path.getParent();
            String dir = parent == null ? "." : parent.toString();
            return new Real(parent == null ? Path.of(".") : parent, dir);
        }

        @Override
        public VirtualFile getChildFile(String child) {
            Path p = path.resolve(child);
            return new Real(p, path.toString().equals(".") ? child : p.toString());
        }

        @Override
        public Source getSource() {
            return source(SourceLoader.load(path, name), name, path.toString());
        }
    }

    private final class BuiltIn implements VirtualFile {
        private final String name;

        BuiltIn(String name) {
            this.name = name;
        }

        @Override
        public boolean isFile() {
            return builtIn(name).isPresent();
        }

        @Override
        public String getPath() {
            return BUILT_IN + "/" + name;
        }

        @Override
        public String getName() {
            return getPath();
        }

        @Override
        public VirtualFile getParentFile() {
            int slash = name.lastIndexOf('/');
            return slash < 0 ? null : new BuiltIn(name.substring(0, slash));
        }

        @Override
        public VirtualFile getChildFile(String child) {
            return new BuiltIn(name + "/" + child);
        }

        @Override
        public Source getSource() {
            byte[] bytes = builtIn(name).orElse(new byte[0]);
            return source(SourceLoader.decode(bytes, getPath()), getPath(), getPath());
        }
    }
}
