package dev.p4ebpf.frontend;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to read a program: directories searched by {@code #include} before the bundled standard
 * includes, and macros defined as if by {@code #define NAME VALUE}.
 */
public record FrontendOptions(List<Path> includeDirs, Map<String, String> defines) {
    public FrontendOptions {
        includeDirs = List.copyOf(includeDirs);
        defines = Map.copyOf(defines);
    }

    public static FrontendOptions defaults() {
        return new FrontendOptions(List.of(), Map.of());
    }
}
