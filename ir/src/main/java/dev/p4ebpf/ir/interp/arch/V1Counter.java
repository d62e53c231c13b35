package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.interp.CounterReadout;
import dev.p4ebpf.ir.interp.ExternCall;
import dev.p4ebpf.ir.interp.ExternObject;
import dev.p4ebpf.ir.interp.InterpreterException;
import dev.p4ebpf.ir.interp.TableEntry;
import dev.p4ebpf.ir.interp.TableRuntime;
import dev.p4ebpf.ir.interp.value.EnumValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import java.util.function.LongSupplier;

/**
 * v1model's {@code counter(size, type)} and {@code direct_counter(type)}. An indexed counter
 * counts at {@code count(index)}; an index outside 0..size-1 is ignored. A direct counter
 * counts every hit of its table's entries in the entry ({@link TableEntry#packets()}); BMv2
 * counts on the hit itself, so its {@code count()} method does nothing. Bytes are the packet's length as it arrived.
 */
final class V1Counter implements ExternObject, CounterReadout, TableRuntime.DirectResource {
    private final String extern;
    private final long size;
    private final long[] packets;
    private final long[] bytes;
    private final LongSupplier packetLength;

    V1Counter(String extern, long size, EnumValue type, LongSupplier packetLength) {
        this.extern = extern;
        this.size = size;
        int n = (int) Math.min(size, 1 << 24);
        this.packets = new long[n];
        this.bytes = new long[n];
        this.packetLength = packetLength;
    }

    @Override
    public String externName() {
        return extern;
    }

    @Override
    public Value call(ExternCall call) {
        if (!call.method().equals("count")) {
            throw new InterpreterException(call.span(), extern + " has no method " + call.method());
        }
        if (call.argCount() == 1) {
            long i = Values.count(call.arg(0));
            if (i >= 0 && i < packets.length) {
                packets[(int) i]++;
                bytes[(int) i] += packetLength.getAsLong();
            }
        }
        return null;
    }

    @Override
    public void hit(TableEntry entry) {
        entry.count(packetLength.getAsLong());
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public long packets(long index) {
        return index >= 0 && index < packets.length ? packets[(int) index] : 0;
    }

    @Override
    public long bytes(long index) {
        return index >= 0 && index < bytes.length ? bytes[(int) index] : 0;
    }
}
