package dev.p4ebpf.ir.interp.arch;

import dev.p4ebpf.ir.interp.ExternCall;
import dev.p4ebpf.ir.interp.ExternObject;
import dev.p4ebpf.ir.interp.InterpreterException;
import dev.p4ebpf.ir.interp.TableEntry;
import dev.p4ebpf.ir.interp.value.BitsValue;
import dev.p4ebpf.ir.interp.value.EnumValue;
import dev.p4ebpf.ir.interp.value.Value;
import dev.p4ebpf.ir.interp.value.Values;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * v1model's {@code meter(size, type)} and {@code direct_meter<T>(type)}: two-rate three-color
 * markers (RFC 2698) as in BMv2, giving 0 (green), 1 (yellow) or 2 (red). A cell whose rates the
 * control plane never set marks everything green, as BMv2 does. Rates are in units (packets or
 * bytes) per microsecond, bursts in units; time is the interpreter's clock
 * ({@link V1SwitchModel#nowMicros()}), which advances one microsecond per packet.
 */
final class V1Meter implements ExternObject {
    static final int GREEN = 0;
    static final int YELLOW = 1;
    static final int RED = 2;

    private final String extern;
    private final boolean bytes;
    private final Cell[] cells;
    private final Map<TableEntry, Cell> direct = new IdentityHashMap<>();
    private final LongSupplier packetLength;
    private final LongSupplier clock;
    private final Supplier<TableEntry> currentEntry;

    V1Meter(String extern, long size, EnumValue type, LongSupplier packetLength, LongSupplier clock,
            Supplier<TableEntry> currentEntry) {
        this.extern = extern;
        this.bytes = type.member().equals("bytes");
        this.cells = new Cell[(int) Math.min(size, 1 << 20)];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new Cell();
        }
        this.packetLength = packetLength;
        this.clock = clock;
        this.currentEntry = currentEntry;
    }

    @Override
    public String externName() {
        return extern;
    }

    @Override
    public Value call(ExternCall call) {
        switch (call.method()) {
            case "execute_meter" -> {
                long i = Values.count(call.arg(0));
                int color = i >= 0 && i < cells.length ? cells[(int) i].execute(units(), clock.getAsLong()) : GREEN;
                call.set(1, color(call, 1, color));
            }
            case "read" -> {
                TableEntry e = currentEntry.get();
                int color = e == null ? GREEN : direct.computeIfAbsent(e, x -> new Cell()).execute(units(),
                        clock.getAsLong());
                call.set(0, color(call, 0, color));
            }
            default -> throw new InterpreterException(call.span(), extern + " has no method " + call.method());
        }
        return null;
    }

    private long units() {
        return bytes ? packetLength.getAsLong() : 1;
    }

    private static Value color(ExternCall call, int arg, int color) {
        return call.paramType(arg) instanceof dev.p4ebpf.ir.Type.Bits b ? BitsValue.of(b.width(), b.signed(), color)
                : BitsValue.of(32, false, color);
    }

    /** Sets the committed and peak rates (units per microsecond) and bursts of cell {@code index}. */
    void setRates(long index, double cir, long cbs, double pir, long pbs) {
        if (index < 0 || index >= cells.length) {
            throw new InterpreterException(extern + " has no cell " + index + " (it has " + cells.length + ")");
        }
        cells[(int) index].configure(cir, cbs, pir, pbs);
    }

    int size() {
        return cells.length;
    }

    /** One marker: two token buckets, full when configured. */
    private static final class Cell {
        private boolean configured;
        private double cir;
        private double pir;
        private double cbs;
        private double pbs;
        private double tc;
        private double tp;
        private long last;

        void configure(double committedRate, long committedBurst, double peakRate, long peakBurst) {
            configured = true;
            cir = committedRate;
            cbs = committedBurst;
            pir = peakRate;
            pbs = peakBurst;
            tc = cbs;
            tp = pbs;
            last = -1;
        }

        int execute(long units, long now) {
            if (!configured) {
                return GREEN;
            }
            if (last >= 0) {
                long elapsed = now - last;
                tc = Math.min(cbs, tc + cir * elapsed);
                tp = Math.min(pbs, tp + pir * elapsed);
            }
            last = now;
            if (tp < units) {
                return RED;
            }
            if (tc < units) {
                tp -= units;
                return YELLOW;
            }
            tp -= units;
            tc -= units;
            return GREEN;
        }
    }
}
