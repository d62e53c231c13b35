package dev.p4ebpf.ebpf.controlplane;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A control-plane description could not be read or is inconsistent. Each {@link Problem} names
 * the place with a JSON path ({@code $.tables[0].keys[1].bitWidth}) and says what is wrong.
 */
public final class ControlPlaneException extends Exception {
    private static final long serialVersionUID = 1L;

    /** One thing wrong, at a JSON path. */
    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    private final String source;
    private final transient List<Problem> problems;

    public ControlPlaneException(String source, List<Problem> problems) {
        super(source + ": invalid control-plane description:\n" + problems.stream().map(p -> "  " + p)
                .collect(Collectors.joining("\n")));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file (or other source) that was read. */
    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }
}
