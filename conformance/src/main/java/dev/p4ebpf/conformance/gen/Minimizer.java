package dev.p4ebpf.conformance.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a program that shows a failure while it keeps showing it: removes whole blocks (a line
 * ending in {@code {} up to its closing line), then single statements and labels, outermost and
 * largest first, and repeats until nothing more can go. It works on the generator's layout (one
 * construct a line, see {@link Code}); the predicate decides what "still fails" means, and should
 * include that the frontend still accepts the program.
 */
public final class Minimizer {
    private final Predicate<String> stillFails;
    private final int maxChecks;
    private final Predicate<String> mustStay;
    private int checks;

    /** @param maxChecks how many times at most the predicate is asked (each may compile a program) */
    public Minimizer(Predicate<String> stillFails, int maxChecks) {
        this(stillFails, maxChecks, line -> false);
    }

    /**
     * @param mustStay lines that are never removed, alone or in a block (assignments that keep a
     *                 shrunk program from reading values it never set, say)
     */
    public Minimizer(Predicate<String> stillFails, int maxChecks, Predicate<String> mustStay) {
        this.stillFails = stillFails;
        this.maxChecks = maxChecks;
        this.mustStay = mustStay;
    }

    /** The smallest variant of {@code program} found that still fails ({@code program} itself when none is smaller). */
    public String minimize(String program) {
        List<String> lines = program.lines().toList();
        List<int[]> candidates = candidates(lines).stream()
                .filter(span -> lines.subList(span[0], span[1]).stream().noneMatch(mustStay)).toList();
        boolean[] removed = new boolean[lines.size()];
        boolean changed = true;
        while (changed && checks < maxChecks) {
            changed = false;
            for (int[] span : candidates) {
                if (checks >= maxChecks) {
                    break;
                }
                if (allRemoved(removed, span)) {
                    continue;
                }
                boolean[] attempt = removed.clone();
                java.util.Arrays.fill(attempt, span[0], span[1], true);
                checks++;
                if (stillFails.test(text(lines, attempt))) {
                    removed = attempt;
                    changed = true;
                }
            }
        }
        return text(lines, removed);
    }

    /** How many times the predicate was asked. */
    public int checks() {
        return checks;
    }

    private static boolean allRemoved(boolean[] removed, int[] span) {
        for (int i = span[0]; i < span[1]; i++) {
            if (!removed[i]) {
                return false;
            }
        }
        return true;
    }

    /** The lines not removed, without runs of blank lines. */
    private static String text(List<String> lines, boolean[] removed) {
        var out = new StringBuilder();
        boolean blank = false;
        for (int i = 0; i < lines.size(); i++) {
            if (removed[i] || blank && lines.get(i).isBlank()) {
                continue;
            }
            blank = lines.get(i).isBlank();
            out.append(lines.get(i)).append('\n');
        }
        return out.toString();
    }

    /**
     * Line ranges {@code [from, to)} that may go: blocks (largest first), then single lines that
     * are statements, declarations, labels or one-line blocks ({@code error { ... }}). Preprocessor lines, comments, closing braces and
     * transitions stay (a state without one rejects, which is P4 the generator never writes).
     */
    private static List<int[]> candidates(List<String> lines) {
        var blocks = new ArrayList<int[]>();
        var singles = new ArrayList<int[]>();
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.endsWith("{")) {
                int end = closing(lines, i);
                if (end > i) {
                    blocks.add(new int[] {i, end + 1});
                }
            } else if (s.endsWith(";") || s.endsWith(":") || s.endsWith("}") && s.contains("{")) {
                if (!s.startsWith("#") && !s.startsWith("//") && !s.startsWith("transition ")) {
                    singles.add(new int[] {i, i + 1});
                }
            }
        }
        blocks.sort((a, b) -> Integer.compare(b[1] - b[0], a[1] - a[0]));
        blocks.addAll(singles);
        return blocks;
    }

    /** The line that closes the block opened on line {@code open}, or -1. */
    private static int closing(List<String> lines, int open) {
        int depth = 0;
        for (int i = open; i < lines.size(); i++) {
            String s = lines.get(i);
            for (int k = 0; k < s.length(); k++) {
                char ch = s.charAt(k);
                if (ch == '{') {
                    depth++;
                } else if (ch == '}') {
                    depth--;
                    if (depth == 0) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }
}
