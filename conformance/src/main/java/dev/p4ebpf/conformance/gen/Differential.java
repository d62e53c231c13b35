package dev.p4ebpf.conformance.gen;

import dev.p4ebpf.conformance.run.InterpreterTarget;
import dev.p4ebpf.conformance.run.StfInputException;
import dev.p4ebpf.conformance.run.TargetComparison;
import dev.p4ebpf.conformance.run.TargetException;
import dev.p4ebpf.conformance.run.TestProgram;
import dev.p4ebpf.conformance.run.kernel.KernelTarget;
import dev.p4ebpf.conformance.stf.StfException;
import dev.p4ebpf.conformance.stf.StfParser;
import dev.p4ebpf.frontend.Frontend;
import dev.p4ebpf.frontend.FrontendOptions;
import dev.p4ebpf.frontend.FrontendResult;
import dev.p4ebpf.frontend.source.SourceFile;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a generated program on the reference interpreter and in the kernel (BPF_PROG_TEST_RUN,
 * through the conformance targets) on a few random packets, with the tables as the program
 * declares them, and compares what comes out packet by packet. Needs root.
 */
public final class Differential {
    /**
     * Packets are this long at least: longer than every header a program can extract or skip, so
     * that what the deparser gives back never falls below the 14 bytes {@code bpf_xdp_adjust_head}
     * insists on (a packet that short is dropped in XDP, which no P4 program asks for).
     */
    private static final int MIN_PACKET_BYTES = 192;
    private static final int MAX_PACKET_BYTES = 256;

    /**
     * How a comparison shows a packet the kernel target could not run (an XDP_REDIRECT, whose port
     * BPF_PROG_TEST_RUN does not tell): no difference, only a packet that could not be compared.
     */
    private static final Pattern REFUSED = Pattern.compile("(?m)^\\s*" + KernelTarget.NAME + ": not run: (.*)$");

    private Differential() {}

    /** What one comparison found. */
    public sealed interface Result {
        /** Both targets gave the same packets. */
        record Same(int packets) implements Result {}

        /** The targets disagree: {@code difference} says at which packet and how. */
        record Differ(String difference) implements Result {}

        /** The comparison could not be made (a target could not run the program); not a difference. */
        record NotCompared(String reason) implements Result {}
    }

    /**
     * Compares the two targets on {@code packets} random packets chosen by {@code seed}.
     * {@code name} names the program (its file name in messages and the BPF program name).
     */
    public static Result compare(String name, String source, int packets, long seed) {
        FrontendResult fr = Frontend.compile(new SourceFile(name, source), FrontendOptions.defaults());
        if (fr.program().isEmpty()) {
            return new Result.NotCompared("the frontend rejects the program");
        }
        String stf = stf(packets, new Random(seed));
        try {
            TargetComparison c = TargetComparison.run(StfParser.parse(name + ".stf", stf),
                    new TestProgram(Path.of(name), fr.program().get()), new InterpreterTarget(), new KernelTarget());
            if (c.secondRun() instanceof TargetComparison.Run.NotRun n) {
                return new Result.NotCompared(n.reason());
            }
            if (c.difference().isEmpty()) {
                return new Result.Same(c.packets());
            }
            Matcher refused = REFUSED.matcher(c.difference().get());
            return refused.find() ? new Result.NotCompared("the kernel target cannot run a packet: " + refused.group(1))
                    : new Result.Differ(c.difference().get());
        } catch (StfException | StfInputException | TargetException e) {
            return new Result.NotCompared("the interpreter cannot run the packets: " + e.getMessage());
        }
    }

    /** An STF test that only sends: {@code packets} random packets on port 0. */
    static String stf(int packets, Random random) {
        var s = new StringBuilder();
        for (int i = 0; i < packets; i++) {
            byte[] p = new byte[MIN_PACKET_BYTES + random.nextInt(MAX_PACKET_BYTES - MIN_PACKET_BYTES + 1)];
            random.nextBytes(p);
            s.append("packet 0 ").append(HexFormat.of().formatHex(p)).append('\n');
        }
        return s.toString();
    }
}
