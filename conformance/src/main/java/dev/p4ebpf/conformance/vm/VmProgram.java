package dev.p4ebpf.conformance.vm;

import dev.p4ebpf.ebpf.object.ProgramType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A BPF object loaded into the VM: its programs, linked, and its maps, which keep their contents
 * from run to run as kernel maps do. {@link #run} executes one program on one packet the way
 * {@code BPF_PROG_TEST_RUN} does. The environment is deterministic and under the test's control:
 * the {@link #clock()}, the seed of {@code bpf_get_prandom_u32}, CPU 0.
 *
 * <p>Not thread-safe: one run at a time.
 */
public final class VmProgram {
    private final Map<String, LoadedCode> programs;
    private final Map<String, VmMap> maps;
    final Addresses addresses;
    final VmClock clock = new VmClock();
    private final Map<String, Region> mapPointers = new HashMap<>();
    private long random = 0x2545_f491_4f6c_dd1dL;

    VmProgram(Map<String, LoadedCode> programs, Map<String, VmMap> maps, Addresses addresses) {
        this.programs = programs;
        this.maps = maps;
        this.addresses = addresses;
        maps.values().forEach(m -> mapPointers.put(m.name(), Region.mapPointer(m, addresses.next())));
    }

    /** The names of the programs, in the object's order. */
    public List<String> programNames() {
        return List.copyOf(programs.keySet());
    }

    /** The type of a program. */
    public ProgramType programType(String name) throws VmException {
        return program(name).type;
    }

    /** The map of this name. */
    public VmMap map(String name) throws VmException {
        VmMap m = maps.get(name);
        if (m == null) {
            throw VmException.setup(VmFault.INVALID_SETUP, "the object has no map " + name + " (it has "
                    + maps.keySet() + ")");
        }
        return m;
    }

    /** The maps, in the object's order. */
    public List<VmMap> maps() {
        return new ArrayList<>(maps.values());
    }

    public VmClock clock() {
        return clock;
    }

    /** Restarts {@code bpf_get_prandom_u32}'s sequence from {@code seed}. */
    public void setRandomSeed(long seed) {
        random = seed == 0 ? 1 : seed;
    }

    /** Runs {@code program} on {@code packet} with default options. */
    public VmResult run(String program, byte[] packet) throws VmException {
        return run(program, packet, RunOptions.defaults());
    }

    /**
     * Runs {@code program} on a copy of {@code packet}. Maps keep what the run wrote to them; a run
     * that faults leaves them as the program left them at the fault (the kernel has no such runs: its
     * verifier would have refused the program).
     */
    public VmResult run(String program, byte[] packet, RunOptions options) throws VmException {
        LoadedCode code = program(program);
        VmContext ctx = switch (code.type) {
            case XDP -> XdpContext.of(packet, options, addresses);
            case SCHED_CLS, SCHED_ACT -> SkbContext.of(packet, options, addresses);
        };
        Machine m = new Machine(this, code, ctx, options.instructionBudget());
        long r0 = m.run();
        for (Region r : m.reservations) {
            ((RingBuffer) r.map).release(r.mem.length);
        }
        return new VmResult(r0, ctx.outputPacket(), Optional.ofNullable(m.redirect), m.trace, m.executed(),
                ctx.contextOut());
    }

    private LoadedCode program(String name) throws VmException {
        LoadedCode c = programs.get(name);
        if (c == null) {
            throw VmException.setup(VmFault.INVALID_SETUP, "the object has no program " + name + " (it has "
                    + programs.keySet() + ")");
        }
        return c;
    }

    /** A program for a tail call; a missing one is the test's setup mistake. */
    LoadedCode code(String name) {
        LoadedCode c = programs.get(name);
        if (c == null) {
            throw new Trap(VmFault.INVALID_SETUP, "a program array names program " + name
                    + ", which the object does not have (it has " + programs.keySet() + ")");
        }
        return c;
    }

    Region mapPointer(String name) {
        Region r = mapPointers.get(name);
        if (r == null) {
            throw new Trap(VmFault.INVALID_PROGRAM, "the program loads map " + name + ", which the object does not have");
        }
        return r;
    }

    /** Element 0 of the single-element array behind a data section reference. */
    Region dataSection(String name) {
        VmMap m = mapPointer(name).map;
        if (!(m instanceof ArrayTable a)) {
            throw new Trap(VmFault.INVALID_PROGRAM, "the program takes the address of a value of map " + name
                    + ", which is a " + m.type() + ", not an ARRAY");
        }
        return a.element(0);
    }

    /** xorshift64*: the VM's deterministic stand-in for the kernel's per-CPU prandom state. */
    long nextRandom() {
        random ^= random >>> 12;
        random ^= random << 25;
        random ^= random >>> 27;
        return (random * 0x2545_f491_4f6c_dd1dL) >>> 32;
    }
}
