package dev.p4ebpf.conformance.run;

import dev.p4ebpf.conformance.stf.StfFile;
import java.util.Optional;

/**
 * One STF test run on two targets, the first the reference (the interpreter), compared packet by
 * packet with {@link PacketLog}: {@link #difference} is the first packet whose outputs differ, or
 * why a target could not run the test at all; empty when the two agree on every packet.
 *
 * @param first      the reference target's name
 * @param second     the compared target's name
 * @param firstRun   the reference's STF report
 * @param secondRun  the compared target's STF report, or why it could not run the test
 * @param packets    how many packets the reference was sent
 * @param difference the first difference, described; empty when identical
 */
public record TargetComparison(String first, String second, StfReport firstRun, Run secondRun, int packets,
                               Optional<String> difference) {

    /** A target's run of a test: its report, or why it did not run (it cannot load the program, say). */
    public sealed interface Run {
        record Ran(StfReport report) implements Run {}

        record NotRun(String reason) implements Run {}
    }

    /** True when both targets gave the same packets for every packet of the test. */
    public boolean identical() {
        return difference.isEmpty();
    }

    /**
     * Runs {@code file} on {@code reference} and on {@code other}. The test must fit the program
     * and run on the reference: otherwise this throws (the test is wrong, not the target).
     */
    public static TargetComparison run(StfFile file, TestProgram program, Target reference, Target other)
            throws StfInputException, TargetException {
        PacketLog refLog = new PacketLog();
        StfReport refReport;
        try (TargetSession s = reference.open(program)) {
            refReport = StfRunner.run(file, refLog.recording(s), reference.name());
        }
        PacketLog otherLog = new PacketLog();
        Run otherRun;
        try (TargetSession s = other.open(program)) {
            otherRun = new Run.Ran(StfRunner.run(file, otherLog.recording(s), other.name()));
        } catch (TargetException e) {
            otherRun = new Run.NotRun(other.name() + " cannot run the program: " + e.getMessage());
        } catch (StfInputException e) {
            otherRun = new Run.NotRun(other.name() + " does not take the test: " + e.headline());
        }
        Optional<String> difference = switch (otherRun) {
            case Run.NotRun n -> Optional.of(n.reason());
            case Run.Ran r -> PacketLog.firstDifference(file, reference.name(), refLog, other.name(), otherLog);
        };
        return new TargetComparison(reference.name(), other.name(), refReport, otherRun, refLog.sent().size(),
                difference);
    }

    /** {@code interp vs kernel: 5 packet(s) identical} or the first difference. */
    public String summary() {
        return first + " vs " + second + ": " + difference.map(d -> "DIFFER at " + d)
                .orElse(packets + " packet(s) identical");
    }
}
