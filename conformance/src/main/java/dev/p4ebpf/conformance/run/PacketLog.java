package dev.p4ebpf.conformance.run;

import dev.p4ebpf.conformance.stf.StfCommand;
import dev.p4ebpf.conformance.stf.StfFile;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What every packet of one STF run produced on one target, recorded by wrapping the target's
 * session ({@link #recording}), so that runs on two targets can be compared packet by packet
 * ({@link #firstDifference}): the same packets must give the same packets out, on the same ports,
 * in the same order.
 */
public final class PacketLog {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final List<Sent> sent = new ArrayList<>();

    /** One packet sent, numbered from 1 in the order of the test, and what came of it. */
    public record Sent(int number, long port, byte[] packet, Outcome outcome) {
        public Sent {
            packet = packet.clone();
        }
    }

    /** What a sent packet gave: packets out (none when dropped), or the target's refusal to run it. */
    public sealed interface Outcome {
        /** The packets that came out, in order, and the target's account. */
        record Outputs(List<TargetSession.Output> outputs, List<String> trace) implements Outcome {
            public Outputs {
                outputs = List.copyOf(outputs);
                trace = List.copyOf(trace);
            }
        }

        /** The target could not run the packet, and why. */
        record Refused(String reason) implements Outcome {}
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** {@code session}, with every packet it is sent and what came of it recorded here. */
    public TargetSession recording(TargetSession session) {
        return new Recording(session);
    }

    /**
     * The first packet whose outcome on {@code b} differs from that on {@code a}, described with
     * its STF line and both outcomes; empty when every packet gave the same on both.
     */
    public static Optional<String> firstDifference(StfFile file, String nameA, PacketLog a, String nameB,
                                                   PacketLog b) {
        List<StfCommand.Packet> packets = file.commands().stream()
                .filter(StfCommand.Packet.class::isInstance).map(StfCommand.Packet.class::cast).toList();
        int n = Math.max(a.sent.size(), b.sent.size());
        for (int i = 0; i < n; i++) {
            String where = "packet " + (i + 1) + (i < packets.size() ? " (line " + packets.get(i).span().line() + ")"
                    : "");
            if (i >= a.sent.size() || i >= b.sent.size()) {
                String missing = i >= a.sent.size() ? nameA : nameB;
                return Optional.of(where + ": " + missing + " did not run it (its run of the test stopped before)");
            }
            Sent x = a.sent.get(i);
            Sent y = b.sent.get(i);
            if (!same(x.outcome(), y.outcome())) {
                return Optional.of(where + " in on port " + x.port() + ", " + x.packet().length + " bytes, differs:\n"
                        + "    " + nameA + ": " + describe(x.outcome()) + "\n"
                        + "    " + nameB + ": " + describe(y.outcome()));
            }
        }
        return Optional.empty();
    }

    private static boolean same(Outcome x, Outcome y) {
        if (!(x instanceof Outcome.Outputs ox) || !(y instanceof Outcome.Outputs oy)) {
            return false;
        }
        if (ox.outputs().size() != oy.outputs().size()) {
            return false;
        }
        for (int i = 0; i < ox.outputs().size(); i++) {
            TargetSession.Output p = ox.outputs().get(i);
            TargetSession.Output q = oy.outputs().get(i);
            if (p.port() != q.port() || !Arrays.equals(p.data(), q.data())) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Outcome o) {
        return switch (o) {
            case Outcome.Refused r -> "not run: " + r.reason();
            case Outcome.Outputs out when out.outputs().isEmpty() -> "no packet out" + trace(out);
            case Outcome.Outputs out -> String.join("; ", out.outputs().stream().map(p -> "out on port " + p.port()
                    + ": " + HEX.formatHex(p.data())).toList()) + trace(out);
        };
    }

    private static String trace(Outcome.Outputs out) {
        return out.trace().isEmpty() ? "" : " [" + String.join("; ", out.trace()) + "]";
    }

    /** A session that records every send and otherwise does what the session it wraps does. */
    private final class Recording implements TargetSession {
        private final TargetSession inner;

        Recording(TargetSession inner) {
            this.inner = inner;
        }

        @Override
        public ControlPlaneModel model() {
            return inner.model();
        }

        @Override
        public void addEntry(ControlPlaneModel.TableModel table, List<EntryKey> keys,
                             ControlPlaneModel.ActionModel action, List<BigInteger> args, OptionalLong priority,
                             Optional<String> entryId) throws TargetException {
            inner.addEntry(table, keys, action, args, priority, entryId);
        }

        @Override
        public void setDefault(ControlPlaneModel.TableModel table, ControlPlaneModel.ActionModel action,
                               List<BigInteger> args) throws TargetException {
            inner.setDefault(table, action, args);
        }

        @Override
        public void clearEntries() throws TargetException {
            inner.clearEntries();
        }

        @Override
        public SendResult send(long port, byte[] packet) throws TargetException {
            int number = sent.size() + 1;
            try {
                SendResult r = inner.send(port, packet);
                sent.add(new Sent(number, port, packet, new Outcome.Outputs(r.outputs(), r.trace())));
                return r;
            } catch (TargetException e) {
                sent.add(new Sent(number, port, packet, new Outcome.Refused(e.getMessage())));
                throw e;
            }
        }

        @Override
        public long[] readCounter(ControlPlaneModel.ExternModel counter, OptionalLong index, Optional<String> entryId)
                throws TargetException {
            return inner.readCounter(counter, index, entryId);
        }

        @Override
        public Optional<String> switchCommand(StfCommand command, Optional<ControlPlaneModel.ExternModel> extern)
                throws TargetException {
            return inner.switchCommand(command, extern);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
