package dev.p4ebpf.driver.prog;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a verifier log: its last lines, and the instruction the verifier stopped at (the last line
 * of the form {@code 12: (bf) r1 = r6}).
 */
public record VerifierLog(String text) {
    private static final Pattern INSN_LINE = Pattern.compile("^(\\d+): \\([0-9a-f]{2}\\) (.*)$");

    public List<String> lines() {
        return Arrays.stream(text.split("\n")).map(String::stripTrailing).filter(l -> !l.isBlank()).toList();
    }

    /** The last {@code n} non-blank lines, without the kernel's closing statistics line. */
    public List<String> lastLines(int n) {
        List<String> all = lines().stream()
                .filter(l -> !l.startsWith("processed ") && !l.startsWith("verification time")
                        && !l.startsWith("stack depth"))
                .toList();
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    /** The index of the instruction the verifier looked at last, or -1 when the log names none. */
    public int failingInstruction() {
        List<String> lines = lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = INSN_LINE.matcher(lines.get(i));
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return -1;
    }

    /** The disassembly the verifier printed for instruction {@code index}, or empty. */
    public String instructionText(int index) {
        List<String> lines = lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = INSN_LINE.matcher(lines.get(i));
            if (m.matches() && Integer.parseInt(m.group(1)) == index) {
                return m.group(2).replaceAll("\\s*;.*$", "").strip();
            }
        }
        return "";
    }

    /** The verifier's reason: the last line that is not an instruction or a register state dump. */
    public String reason() {
        List<String> lines = lastLines(20);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (!INSN_LINE.matcher(line).matches() && !line.matches("^\\d+: R\\d.*") && !line.startsWith(";")) {
                return line.strip();
            }
        }
        return lines.isEmpty() ? "(the log is empty)" : lines.getLast().strip();
    }
}
