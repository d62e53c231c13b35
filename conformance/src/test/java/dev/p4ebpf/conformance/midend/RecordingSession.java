package dev.p4ebpf.conformance.midend;

import dev.p4ebpf.conformance.run.ControlPlaneModel;
import dev.p4ebpf.conformance.run.EntryKey;
import dev.p4ebpf.conformance.run.TargetException;
import dev.p4ebpf.conformance.run.TargetSession;
import dev.p4ebpf.conformance.stf.StfCommand;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A session that passes every call on to another and writes down what the program did that
 * anyone outside it can see: the packets each sent packet produced (port and bytes), counter
 * cells read, what switch commands printed, and the calls the target refused. Two programs that
 * behave the same give the same log for the same STF file; the target's trace is not recorded.
 */
final class RecordingSession implements TargetSession {
    private static final HexFormat HEX = HexFormat.of();

    private final TargetSession inner;
    private final List<String> log = new ArrayList<>();

    RecordingSession(TargetSession inner) {
        this.inner = inner;
    }

    /** One line per observable event, in order. */
    List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public ControlPlaneModel model() {
        return inner.model();
    }

    @Override
    public void addEntry(ControlPlaneModel.TableModel table, List<EntryKey> keys, ControlPlaneModel.ActionModel action,
                         List<BigInteger> args, OptionalLong priority, Optional<String> entryId) throws TargetException {
        recordingRefusals("add to " + table.name(), () -> inner.addEntry(table, keys, action, args, priority, entryId));
    }

    @Override
    public void setDefault(ControlPlaneModel.TableModel table, ControlPlaneModel.ActionModel action,
                           List<BigInteger> args) throws TargetException {
        recordingRefusals("default of " + table.name(), () -> inner.setDefault(table, action, args));
    }

    @Override
    public void clearEntries() throws TargetException {
        recordingRefusals("clear", inner::clearEntries);
    }

    @Override
    public SendResult send(long port, byte[] packet) throws TargetException {
        SendResult r;
        try {
            r = inner.send(port, packet);
        } catch (TargetException e) {
            log.add("send on " + port + " refused: " + e.getMessage());
            throw e;
        }
        log.add("send on " + port + ": " + packet.length + " bytes");
        for (Output o : r.outputs()) {
            log.add("  out on " + o.port() + ": " + HEX.formatHex(o.data()));
        }
        return r;
    }

    @Override
    public long[] readCounter(ControlPlaneModel.ExternModel counter, OptionalLong index, Optional<String> entryId)
            throws TargetException {
        long[] cell;
        try {
            cell = inner.readCounter(counter, index, entryId);
        } catch (TargetException e) {
            log.add("counter " + counter.name() + " refused: " + e.getMessage());
            throw e;
        }
        log.add("counter " + counter.name() + " " + index + " " + entryId + ": " + Arrays.toString(cell));
        return cell;
    }

    @Override
    public Optional<String> switchCommand(StfCommand command, Optional<ControlPlaneModel.ExternModel> extern)
            throws TargetException {
        Optional<String> printed;
        try {
            printed = inner.switchCommand(command, extern);
        } catch (TargetException e) {
            log.add("command at line " + command.span().line() + " refused: " + e.getMessage());
            throw e;
        }
        log.add("command at line " + command.span().line() + ": " + printed.orElse(""));
        return printed;
    }

    @Override
    public void close() {
        inner.close();
    }

    private interface Call {
        void run() throws TargetException;
    }

    private void recordingRefusals(String what, Call call) throws TargetException {
        try {
            call.run();
        } catch (TargetException e) {
            log.add(what + " refused: " + e.getMessage());
            throw e;
        }
    }
}
