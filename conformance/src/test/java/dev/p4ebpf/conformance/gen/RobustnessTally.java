package dev.p4ebpf.conformance.gen;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of a robustness run: how many programs ended in each {@link Outcome.Kind}, the
 * unsupported diagnostics by reason, and for each kind of bug the first program that showed it.
 */
final class RobustnessTally {
    /** A program that showed a bug: its number in the run, its seed and what happened. */
    record Example(int index, long seed, String source, Outcome outcome) {}

    private final Map<Outcome.Kind, Integer> byKind = new EnumMap<>(Outcome.Kind.class);
    private final Map<String, Integer> unsupported = new TreeMap<>();
    private final Map<String, Integer> bugCounts = new TreeMap<>();
    private final Map<String, Example> firstBugs = new LinkedHashMap<>();
    private int generated;
    private int wide;
    private int wideUnsupported;

    void add(int index, long seed, String source, Outcome outcome) {
        generated++;
        byKind.merge(outcome.kind(), 1, Integer::sum);
        boolean hasWide = source.matches("(?s).*\\bbit<(6[5-9]|[7-9]\\d|\\d{3,})>.*");
        if (hasWide) {
            wide++;
        }
        if (outcome instanceof Outcome.Unsupported) {
            unsupported.merge(Outcome.normalize(reason(outcome.detail())), 1, Integer::sum);
            if (hasWide) {
                wideUnsupported++;
            }
        }
        if (outcome.isBug()) {
            bugCounts.merge(outcome.signature(), 1, Integer::sum);
            firstBugs.putIfAbsent(outcome.signature(), new Example(index, seed, source, outcome));
        }
    }

    /** The first error line without its details in parentheses (which name the program's own declarations). */
    private static String reason(String detail) {
        String first = detail.lines().filter(l -> !l.isBlank()).findFirst().orElse("(no message)");
        int details = first.indexOf(" (");
        return details < 0 ? first : first.substring(0, details);
    }

    int count(Outcome.Kind k) {
        return byKind.getOrDefault(k, 0);
    }

    int generated() {
        return generated;
    }

    /** Programs the frontend accepted: all but those it rejected. */
    int frontendAccepted() {
        return generated - count(Outcome.Kind.FRONTEND_REJECTED);
    }

    /** Programs the backend turned into an object. */
    int compiled() {
        return count(Outcome.Kind.ACCEPTED) + count(Outcome.Kind.COMPILED) + count(Outcome.Kind.VERIFIER_REJECTED)
                + count(Outcome.Kind.LOAD_FAILED);
    }

    int bugs() {
        return bugCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    Map<String, Example> firstBugs() {
        return firstBugs;
    }

    /** The counts as lines of text, for the test's output and its failure message. */
    String summary(long seed, boolean loaded) {
        var s = new StringBuilder();
        s.append("seed ").append(seed).append(", ").append(generated).append(" programs generated\n");
        s.append("  accepted by the frontend  ").append(frontendAccepted()).append('\n');
        s.append("  compiled to an object     ").append(compiled()).append('\n');
        s.append("  unsupported (clean)       ").append(count(Outcome.Kind.UNSUPPORTED)).append(" (of them with fields")
                .append(" wider than 64 bits: ").append(wideUnsupported).append(" of ").append(wide).append(")\n");
        unsupported.forEach((reason, n) -> s.append("      ").append(n).append("  ").append(reason).append('\n'));
        s.append("  other compile errors      ").append(count(Outcome.Kind.COMPILE_ERROR)).append('\n');
        s.append("  internal errors           ").append(count(Outcome.Kind.INTERNAL_ERROR)).append('\n');
        if (loaded) {
            s.append("  passed the verifier       ").append(count(Outcome.Kind.ACCEPTED)).append('\n');
            s.append("  verifier rejections       ").append(count(Outcome.Kind.VERIFIER_REJECTED)).append('\n');
            s.append("  other load failures       ").append(count(Outcome.Kind.LOAD_FAILED)).append('\n');
        } else {
            s.append("  (not loaded: the verifier did not check the objects)\n");
        }
        bugCounts.forEach((sig, n) -> s.append("  bug x").append(n).append("  ").append(sig).append('\n'));
        return s.toString();
    }
}
