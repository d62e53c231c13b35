package dev.p4ebpf.conformance.run.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.conformance.run.ControlPlaneModel;
import dev.p4ebpf.conformance.run.EntryKey;
import dev.p4ebpf.conformance.run.PacketLog;
import dev.p4ebpf.conformance.run.TargetException;
import dev.p4ebpf.conformance.run.TargetSession;
import dev.p4ebpf.conformance.stf.StfCommand;
import dev.p4ebpf.conformance.stf.StfFile;
import dev.p4ebpf.conformance.stf.StfParser;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The packet-by-packet comparison of two targets' runs, on scripted sessions (no kernel needed). */
class PacketLogTest {
    private static final String TEST = """
            packet 0 0011
            # a comment
            packet 1 0022
            packet 2 0033
            """;

    /** A session whose packets give what {@code behaviour} says: outputs, or null to refuse. */
    private record Scripted(BiFunction<Long, byte[], List<TargetSession.Output>> behaviour) implements TargetSession {
        @Override
        public ControlPlaneModel model() {
            return new ControlPlaneModel(List.of(), List.of());
        }

        @Override
        public void addEntry(ControlPlaneModel.TableModel table, List<EntryKey> keys,
                             ControlPlaneModel.ActionModel action, List<BigInteger> args, OptionalLong priority,
                             Optional<String> entryId) {
        }

        @Override
        public void setDefault(ControlPlaneModel.TableModel table, ControlPlaneModel.ActionModel action,
                               List<BigInteger> args) {
        }

        @Override
        public void clearEntries() {
        }

        @Override
        public SendResult send(long port, byte[] packet) throws TargetException {
            List<Output> out = behaviour.apply(port, packet);
            if (out == null) {
                throw new TargetException("refused");
            }
            return new SendResult(out, List.of());
        }

        @Override
        public long[] readCounter(ControlPlaneModel.ExternModel counter, OptionalLong index, Optional<String> entryId) {
            return new long[2];
        }

        @Override
        public Optional<String> switchCommand(StfCommand command, Optional<ControlPlaneModel.ExternModel> extern) {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }

    private static List<TargetSession.Output> echo(long port, byte[] packet) {
        return List.of(new TargetSession.Output(port, packet, List::of));
    }

    private static PacketLog run(StfFile file, BiFunction<Long, byte[], List<TargetSession.Output>> behaviour) {
        PacketLog log = new PacketLog();
        TargetSession s = log.recording(new Scripted(behaviour));
        for (StfCommand c : file.commands()) {
            if (c instanceof StfCommand.Packet p) {
                try {
                    s.send(p.port(), p.bytes());
                } catch (TargetException e) {
                    assertEquals("refused", e.getMessage());
                }
            }
        }
        return log;
    }

    @Test
    void identicalRunsHaveNoDifference() throws Exception {
        StfFile f = StfParser.parse("t.stf", TEST);
        assertEquals(Optional.empty(), PacketLog.firstDifference(f, "a", run(f, PacketLogTest::echo), "b",
                run(f, PacketLogTest::echo)));
        assertEquals(3, run(f, PacketLogTest::echo).sent().size());
    }

    @Test
    void theFirstPacketWithOtherBytesPortsOrCountIsReportedWithItsLine() throws Exception {
        StfFile f = StfParser.parse("t.stf", TEST);
        PacketLog a = run(f, PacketLogTest::echo);
        PacketLog otherPort = run(f, (port, p) -> echo(port == 1 ? 9 : port, p));
        String d = PacketLog.firstDifference(f, "a", a, "b", otherPort).orElseThrow();
        assertTrue(d.startsWith("packet 2 (line 3) in on port 1, 2 bytes, differs:"), d);
        assertTrue(d.contains("a: out on port 1: 0022") && d.contains("b: out on port 9: 0022"), d);
        PacketLog dropsLast = run(f, (port, p) -> port == 2 ? List.of() : echo(port, p));
        assertTrue(PacketLog.firstDifference(f, "a", a, "b", dropsLast).orElseThrow().contains("b: no packet out"));
        PacketLog otherBytes = run(f, (port, p) -> echo(port, port == 0 ? new byte[] {0, 0x12} : p));
        assertTrue(PacketLog.firstDifference(f, "a", a, "b", otherBytes).orElseThrow().startsWith("packet 1 (line 1)"));
    }

    @Test
    void aRefusedPacketIsADifferenceThatSaysWhy() throws Exception {
        StfFile f = StfParser.parse("t.stf", TEST);
        PacketLog refuses = run(f, (port, p) -> port == 2 ? null : echo(port, p));
        String d = PacketLog.firstDifference(f, "a", run(f, PacketLogTest::echo), "b", refuses).orElseThrow();
        assertTrue(d.startsWith("packet 3 (line 4)") && d.contains("b: not run: refused"), d);
        assertThrows(TargetException.class, () -> refuses.recording(new Scripted((port, p) -> null)).send(0,
                new byte[1]));
    }
}
