package dev.p4ebpf.conformance.gen;

/**
 * What became of one generated program in the pipeline frontend → midend → eBPF backend → kernel
 * verifier. Every kind but {@link Accepted}, {@link Compiled} and {@link Unsupported} is a bug: of
 * the generator or the frontend ({@link FrontendRejected}), or of the compiler.
 */
public sealed interface Outcome {
    /** The counting category of an outcome. */
    enum Kind { ACCEPTED, COMPILED, UNSUPPORTED, FRONTEND_REJECTED, COMPILE_ERROR, INTERNAL_ERROR, VERIFIER_REJECTED,
        LOAD_FAILED }

    Kind kind();

    /** The diagnostics, exception or verifier log tail that explain the outcome (empty when it is a success). */
    String detail();

    /**
     * What tells this failure from others, for grouping and for minimizing: the first line of the
     * detail (for a verifier rejection, the verifier's reason) without source locations and with
     * every number replaced by {@code #}.
     */
    default String signature() {
        String first = detail().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return kind() + ": " + normalize(first);
    }

    /** {@code text} without {@code file:line:col:} prefixes and with numbers as {@code #}. */
    static String normalize(String text) {
        return text.replaceAll("\\S+\\.p4:\\d+:\\d+:\\s*", "").replaceAll("\\d+", "#").strip();
    }

    default boolean isBug() {
        return switch (kind()) {
            case ACCEPTED, COMPILED, UNSUPPORTED -> false;
            case FRONTEND_REJECTED, COMPILE_ERROR, INTERNAL_ERROR, VERIFIER_REJECTED, LOAD_FAILED -> true;
        };
    }

    /** The object loaded and the verifier accepted every program; {@code instructions} after the verifier. */
    record Accepted(int instructions) implements Outcome {
        public Kind kind() {
            return Kind.ACCEPTED;
        }

        public String detail() {
            return "";
        }
    }

    /** The object was produced and not loaded (loading was not asked for). */
    record Compiled(int instructions) implements Outcome {
        public Kind kind() {
            return Kind.COMPILED;
        }

        public String detail() {
            return "";
        }
    }

    /** The backend reported that it does not support a construct of the program. */
    record Unsupported(String detail) implements Outcome {
        public Kind kind() {
            return Kind.UNSUPPORTED;
        }
    }

    /** The frontend reported errors: the program is not valid P4, or the frontend wrongly thinks so. */
    record FrontendRejected(String detail) implements Outcome {
        public Kind kind() {
            return Kind.FRONTEND_REJECTED;
        }
    }

    /** The midend or the backend reported an error other than {@code unsupported}. */
    record CompileError(String detail) implements Outcome {
        public Kind kind() {
            return Kind.COMPILE_ERROR;
        }
    }

    /** The compiler threw: a {@code CompilerBug} or any other unexpected exception. */
    record InternalError(String detail) implements Outcome {
        public Kind kind() {
            return Kind.INTERNAL_ERROR;
        }
    }

    /** The kernel verifier refused a program of the object; {@code reason} is the verifier's last word. */
    record VerifierRejected(String reason, String detail) implements Outcome {
        public Kind kind() {
            return Kind.VERIFIER_REJECTED;
        }

        public String signature() {
            return kind() + ": " + Outcome.normalize(reason);
        }
    }

    /** Loading failed for another reason than the verifier (map creation, BTF, relocation). */
    record LoadFailed(String detail) implements Outcome {
        public Kind kind() {
            return Kind.LOAD_FAILED;
        }
    }
}
