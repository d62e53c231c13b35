package dev.p4ebpf.conformance.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.MapType;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs the same object in the VM and in the kernel side by side: the same map writes go to both, every
 * packet runs in both, and each run must give the same return value and output packet (and for tc
 * the same {@code ctx_out}); {@link #assertMapsEqual} compares every data map key by key.
 */
final class Differential implements AutoCloseable {
    private static final HexFormat HEX = HexFormat.of();
    private static final Set<MapType> COMPARED = Set.of(MapType.HASH, MapType.ARRAY, MapType.LPM_TRIE,
            MapType.LRU_HASH, MapType.DEVMAP);

    final VmProgram vm;
    final KernelObject kernel;
    private final BpfObject obj;
    int packets;
    long instructions;

    private Differential(BpfObject obj, VmProgram vm, KernelObject kernel) {
        this.obj = obj;
        this.vm = vm;
        this.kernel = kernel;
    }

    static Differential load(BpfObject obj) throws Exception {
        VmProgram vm = BpfVm.load(obj);
        return new Differential(obj, vm, KernelObject.load(obj));
    }

    void update(String map, byte[] key, byte[] value) throws Exception {
        vm.map(map).update(key, value, VmMap.BPF_ANY);
        kernel.update(map, key, value, 0);
    }

    void setProgram(String progArray, int index, String program) throws Exception {
        ((ProgArray) vm.map(progArray)).setProgram(index, program);
        kernel.setProgram(progArray, index, program);
    }

    /** Runs one packet on both; returns the VM's result. */
    VmResult run(String program, byte[] packet) throws Exception {
        boolean tc = vm.programType(program) != dev.p4ebpf.ebpf.object.ProgramType.XDP;
        KernelBpf.TestRun k = kernel.run(program, packet, null, tc ? 192 : 0);
        VmResult v;
        try {
            v = vm.run(program, packet);
        } catch (VmException e) {
            fail("the kernel ran " + program + " on " + HEX.formatHex(packet) + " (retval " + k.retval()
                    + ") but the VM failed: " + e.getMessage());
            throw new AssertionError(e);
        }
        String what = program + " on " + HEX.formatHex(packet);
        assertEquals(k.retval(), v.retval(), "return value of " + what);
        assertEquals(HEX.formatHex(k.data()), HEX.formatHex(v.packet()), "output packet of " + what);
        if (tc) {
            assertEquals(words(k.ctx()), words(v.contextOut()), "ctx_out of " + what);
        }
        packets++;
        instructions += v.instructionsExecuted();
        return v;
    }

    /** The non-zero 32-bit words of a context, by offset, for readable differences. */
    private static String words(byte[] ctx) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 4 <= ctx.length; i += 4) {
            int w = (ctx[i] & 0xff) | (ctx[i + 1] & 0xff) << 8 | (ctx[i + 2] & 0xff) << 16 | (ctx[i + 3] & 0xff) << 24;
            if (w != 0) {
                sb.append(i).append('=').append(Integer.toHexString(w)).append(' ');
            }
        }
        return sb.toString();
    }

    void assertMapsEqual() throws Exception {
        for (var spec : obj.maps()) {
            if (!COMPARED.contains(spec.type())) {
                continue;
            }
            TreeMap<String, String> inKernel = new TreeMap<>();
            for (byte[] key : kernel.keys(spec.name())) {
                inKernel.put(HEX.formatHex(key), kernel.lookup(spec.name(), key).map(HEX::formatHex).orElse("?"));
            }
            TreeMap<String, String> inVm = new TreeMap<>();
            VmMap m = vm.map(spec.name());
            List<byte[]> keys = m.keys();
            for (byte[] key : keys) {
                inVm.put(HEX.formatHex(key), m.lookup(key).map(HEX::formatHex).orElse("?"));
            }
            StringBuilder diff = new StringBuilder();
            for (String k : new java.util.TreeSet<>(java.util.Set.copyOf(concat(inKernel.keySet(), inVm.keySet())))) {
                if (!java.util.Objects.equals(inKernel.get(k), inVm.get(k))) {
                    diff.append("\n  key ").append(k).append(": kernel ").append(inKernel.get(k)).append(", VM ")
                            .append(inVm.get(k));
                }
            }
            assertEquals("", diff.toString(), "contents of map " + spec.name());
        }
    }

    private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Override
    public void close() {
        kernel.close();
    }
}
