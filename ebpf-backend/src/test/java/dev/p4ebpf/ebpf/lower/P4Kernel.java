package dev.p4ebpf.ebpf.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.compile.EbpfCompiler;
import dev.p4ebpf.ebpf.controlplane.Action;
import dev.p4ebpf.ebpf.controlplane.ActionParam;
import dev.p4ebpf.ebpf.controlplane.Endian;
import dev.p4ebpf.ebpf.controlplane.InitialEntry;
import dev.p4ebpf.ebpf.controlplane.KeyField;
import dev.p4ebpf.ebpf.controlplane.Table;
import dev.p4ebpf.ebpf.controlplane.TableMaps;
import dev.p4ebpf.ebpf.lirtest.KernelRunner;
import dev.p4ebpf.ebpf.testutil.Kernel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A compiled P4 program loaded into the kernel (maps created, program verified), run on packets
 * with BPF_PROG_TEST_RUN; table entries of exact and LPM tables written as the control-plane
 * description lays them out. Skips the calling test unless root on Linux ≥ 5.10 (the oldest kernel
 * the backend's programs target).
 */
final class P4Kernel implements AutoCloseable {
    static final int XDP_ABORTED = 0;
    static final int XDP_DROP = 1;
    static final int XDP_PASS = 2;
    static final int XDP_TX = 3;
    static final int XDP_REDIRECT = 4;
    static final int TC_ACT_OK = 0;
    static final int TC_ACT_SHOT = 2;

    private final EbpfCompiler.Compiled compiled;
    private final KernelRunner runner;

    private P4Kernel(EbpfCompiler.Compiled compiled, KernelRunner runner) {
        this.compiled = compiled;
        this.runner = runner;
    }

    /** Loads {@code c}; skips the test without root or on a kernel older than 5.10. */
    static P4Kernel load(EbpfCompiler.Compiled c) throws Exception {
        Kernel.require(5, 10, "running compiled P4 programs with BPF_PROG_TEST_RUN");
        return new P4Kernel(c, KernelRunner.load(c.object()));
    }

    /** Loads {@code c} and installs the entries the program declares. */
    static P4Kernel loadWithEntries(EbpfCompiler.Compiled c) throws Exception {
        P4Kernel k = load(c);
        try {
            for (Table t : c.controlPlane().tables()) {
                for (InitialEntry e : t.entries()) {
                    k.add(t.name(), e.key().values().stream().map(P4Kernel::number).toList(), e.action(),
                            e.args().stream().map(P4Kernel::number).toList());
                }
            }
            return k;
        } catch (Exception | Error e) {
            k.close();
            throw e;
        }
    }

    private static BigInteger number(String text) {
        String s = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
        return s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
    }

    record Result(int verdict, byte[] packet) {
        String hex() {
            return HexFormat.of().formatHex(packet);
        }
    }

    Result run(byte[] packet) {
        KernelRunner.Run r = runner.run(compiled.lowered().function().name(), packet, 1);
        return new Result(r.retval(), r.packet());
    }

    Result run(String hex) {
        return run(bytes(hex));
    }

    /** Runs {@code in} and checks the verdict and the packet that comes out. */
    void expect(String in, int verdict, String out) {
        Result r = run(in);
        assertEquals(verdict, r.verdict(), () -> "verdict for " + in + " (packet out: " + r.hex() + ")");
        assertArrayEquals(bytes(out), r.packet(), () -> "packet out for " + in + ": " + r.hex());
    }

    /** Runs {@code in} and checks only the verdict. */
    void expectVerdict(String in, int verdict) {
        Result r = run(in);
        assertEquals(verdict, r.verdict(), () -> "verdict for " + in + " (packet out: " + r.hex() + ")");
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    /**
     * Adds an entry to an exact or LPM table: {@code keys} in key order (an LPM key matches all its
     * bits), then the action and its data.
     */
    void add(String table, List<BigInteger> keys, String action, List<BigInteger> args) {
        Table t = compiled.controlPlane().table(table).orElseThrow(() -> new IllegalArgumentException("no table " + table));
        byte[] key = new byte[t.maps().keySize()];
        int bits = 0;
        for (int i = 0; i < keys.size(); i++) {
            KeyField f = t.keys().get(i);
            put(key, f.byteOffset(), f.byteSize(), f.byteOrder(), keys.get(i));
            bits += f.byteSize() * 8;
        }
        String map = switch (t.maps()) {
            case TableMaps.Exact e -> e.map();
            case TableMaps.Lpm l -> {
                put(key, 0, 4, Endian.LITTLE, BigInteger.valueOf(bits));
                yield l.map();
            }
            case TableMaps.Ternary x -> throw new IllegalArgumentException("ternary tables are not written here");
        };
        runner.update(map, key, value(t, action, args));
    }

    /** Sets the table's default action (the entry of its default map). */
    void setDefault(String table, String action, List<BigInteger> args) {
        Table t = compiled.controlPlane().table(table).orElseThrow();
        runner.update(t.maps().defaultMap(), new byte[4], value(t, action, args));
    }

    private static byte[] value(Table t, String action, List<BigInteger> args) {
        Action a = t.action(action).orElseThrow(() -> new IllegalArgumentException("no action " + action));
        byte[] value = new byte[t.value().size()];
        put(value, t.value().actionIdOffset(), 4, Endian.LITTLE, BigInteger.valueOf(a.id()));
        List<ActionParam> ps = new ArrayList<>(a.params());
        for (int i = 0; i < ps.size(); i++) {
            put(value, ps.get(i).byteOffset(), ps.get(i).byteSize(), ps.get(i).byteOrder(), args.get(i));
        }
        return value;
    }

    private static void put(byte[] out, int offset, int size, Endian order, BigInteger v) {
        for (int i = 0; i < size; i++) {
            int b = v.shiftRight(8 * i).and(BigInteger.valueOf(0xff)).intValue();
            out[order == Endian.BIG ? offset + size - 1 - i : offset + i] = (byte) b;
        }
    }

    KernelRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        runner.close();
    }
}
