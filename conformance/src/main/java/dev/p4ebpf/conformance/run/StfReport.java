package dev.p4ebpf.conformance.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one STF file on one target: a readable account of every packet and command,
 * and the failures (expectations not met, packets nobody expected, commands the target
 * refused). The test passes when there are no failures.
 */
public final class StfReport {
    private final String target;
    private final List<String> lines = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int packets;
    private int expectations;

    StfReport(String target) {
        this.target = target;
    }

    void line(String s) {
        lines.add(s);
    }

    void failure(String s) {
        failures.add(s);
        lines.add("FAIL " + s);
    }

    void packetSent() {
        packets++;
    }

    void expectationMet() {
        expectations++;
    }

    public String target() {
        return target;
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** Every line of the account, failures included, in order. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** {@code PASS: …} or {@code FAIL: …}, one line. */
    public String summary() {
        return (passed() ? "PASS" : "FAIL") + " on " + target + ": " + packets + " packet(s) sent, " + expectations
                + " expectation(s) met" + (passed() ? "" : ", " + failures.size() + " failure(s)");
    }
}
