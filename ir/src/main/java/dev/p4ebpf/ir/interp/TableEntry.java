package dev.p4ebpf.ir.interp;

import dev.p4ebpf.ir.Call;
import dev.p4ebpf.ir.interp.value.TableResultValue;
import dev.p4ebpf.ir.interp.value.Value;
import java.util.List;
import java.util.OptionalLong;

/**
 * One entry of a table: a pattern per key, the action it runs and its arguments, its priority,
 * and the direct counters of the entry. Entries of the program ({@code entries = {…}}) keep
 * their action call; entries the control plane added keep the values of the action's
 * directionless parameters.
 */
public final class TableEntry {
    final List<KeyPattern> keys;
    final String action;
    final boolean global;
    final List<Value> controlPlaneArgs;
    final Call.ActionCall programCall;
    final OptionalLong priority;
    /** Larger wins among entries that match; computed from the priority or the order of entry. */
    final long precedence;
    long packets;
    long bytes;
    /** The compiled arguments of {@link #programCall}, made when the entry first runs. */
    Binder binder;
    /** How the entry's action runs from its table, found when the entry first runs. */
    TableRuntime.ActionSite site;
    /** What the table's apply() returns when this entry is hit, or runs as the default on a miss. */
    TableResultValue hitResult;
    TableResultValue missResult;

    TableEntry(List<KeyPattern> keys, String action, boolean global, List<Value> controlPlaneArgs,
               Call.ActionCall programCall, OptionalLong priority, long precedence) {
        this.keys = List.copyOf(keys);
        this.action = action;
        this.global = global;
        this.controlPlaneArgs = controlPlaneArgs;
        this.programCall = programCall;
        this.priority = priority;
        this.precedence = precedence;
    }

    public List<KeyPattern> keys() {
        return keys;
    }

    /** The action's name in the program. */
    public String action() {
        return action;
    }

    public OptionalLong priority() {
        return priority;
    }

    /** Packets that hit this entry (its direct counter). */
    public long packets() {
        return packets;
    }

    /** Bytes of the packets that hit this entry. */
    public long bytes() {
        return bytes;
    }

    /** Counts one hit of a packet of {@code length} bytes (what a direct counter does). */
    public void count(long length) {
        packets++;
        bytes += length;
    }

    boolean matches(Value[] key) {
        for (int i = 0; i < key.length; i++) {
            if (!keys.get(i).matches(key[i])) {
                return false;
            }
        }
        return true;
    }

    /** The sum of the prefix lengths of the lpm keys (longest-prefix tie breaking). */
    int prefixLength() {
        int n = 0;
        for (KeyPattern p : keys) {
            if (p instanceof KeyPattern.Prefix pr) {
                n += pr.length();
            }
        }
        return n;
    }
}
