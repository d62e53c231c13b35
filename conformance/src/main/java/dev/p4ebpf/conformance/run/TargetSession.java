package dev.p4ebpf.conformance.run;

import dev.p4ebpf.conformance.stf.StfCommand;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A program loaded on a target: its control plane and its packet path. The runner resolves
 * every name and value of a test against {@link #model()} before calling the other methods, so
 * a target gets only tables, actions and values that exist and fit.
 */
public interface TargetSession extends AutoCloseable {

    ControlPlaneModel model();

    /**
     * Adds an entry. {@code args} are the action's control-plane parameters in order;
     * {@code entryId} is the STF name of the entry ({@code = A}), for its direct counters.
     */
    void addEntry(ControlPlaneModel.TableModel table, List<EntryKey> keys, ControlPlaneModel.ActionModel action,
                  List<BigInteger> args, OptionalLong priority, Optional<String> entryId) throws TargetException;

    void setDefault(ControlPlaneModel.TableModel table, ControlPlaneModel.ActionModel action, List<BigInteger> args)
            throws TargetException;

    /** Removes every entry added through this session. */
    void clearEntries() throws TargetException;

    /** Sends one packet in on {@code port}; returns what came out, in order. */
    SendResult send(long port, byte[] packet) throws TargetException;

    /**
     * Reads a counter cell: an index of an indexed counter, or the direct counter of the entry
     * added with {@code entryId}. Returns packets and bytes.
     */
    long[] readCounter(ControlPlaneModel.ExternModel counter, OptionalLong index, Optional<String> entryId)
            throws TargetException;

    /**
     * Runs one of the BMv2 simple_switch commands STF passes through ({@code mirroring_add},
     * {@code mc_node_create}, {@code register_read} …) and returns what it prints, if anything.
     * Names in it are already resolved to {@code externName}, when it names one.
     */
    Optional<String> switchCommand(StfCommand command, Optional<ControlPlaneModel.ExternModel> extern)
            throws TargetException;

    @Override
    void close();

    /** The packets a sent packet produced, and what the target says happened. */
    record SendResult(List<Output> outputs, List<String> trace) {
        public SendResult {
            outputs = List.copyOf(outputs);
            trace = List.copyOf(trace);
        }
    }

    /**
     * One packet out: port, bytes, and where its header fields are (empty when the target cannot
     * tell), worked out when {@link #fields()} is first asked.
     */
    record Output(long port, byte[] data, java.util.function.Supplier<List<FieldLocation>> layout) {
        public Output {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public List<FieldLocation> fields() {
            return List.copyOf(layout.get());
        }
    }

    /** A header field in an output packet. */
    record FieldLocation(String name, long bitOffset, int width) {}
}
