package dev.p4ebpf.ebpf.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lirtest.KernelRunner;
import dev.p4ebpf.ebpf.lirtest.LirInterpreter;
import dev.p4ebpf.ebpf.lirtest.Programs;
import dev.p4ebpf.ebpf.lirtest.RandomLir;
import dev.p4ebpf.ebpf.opt.Pipeline;
import dev.p4ebpf.ebpf.opt.Pipelines;
import dev.p4ebpf.ebpf.testutil.Kernel;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential test of optimization, allocation and emission against the kernel: random LIR
 * programs run in {@link LirInterpreter}, then compiled, loaded (the verifier must accept them) and
 * run with BPF_PROG_TEST_RUN as XDP programs; return value and packet must be identical. Needs
 * Linux 6.6 (sign-extending moves and signed division of ISA v4) and root. The count is
 * {@code -Dlir.random.count} (default 400); the seed is printed and can be fixed with
 * {@code -Dlir.random.seed}.
 */
class RandomProgramKernelTest {
    private static final int COUNT = Integer.getInteger("lir.random.count", 400);

    @Test
    void randomProgramsBehaveTheSameInTheKernelWithoutOptimization() throws Exception {
        compare(Pipeline.none(), 0);
    }

    @Test
    void randomProgramsBehaveTheSameInTheKernelOptimized() throws Exception {
        compare(Pipelines.standard(), 1);
    }

    private void compare(Pipeline pipeline, long salt) throws Exception {
        Kernel.require(6, 6, "BPF_PROG_TEST_RUN of ISA v4 programs");
        long seed = Long.getLong("lir.random.seed", System.nanoTime()) + salt;
        System.out.println("RandomProgramKernelTest seed " + seed + ", " + COUNT + " programs");
        Random rnd = new Random(seed);
        int instructions = 0;
        int spilled = 0;
        for (int n = 0; n < COUNT; n++) {
            LFunction f = RandomLir.generate(rnd, true);
            byte[] packet = new byte[RandomLir.PACKET + rnd.nextInt(64)];
            rnd.nextBytes(packet);
            LirInterpreter.Result expected = LirInterpreter.run(f, packet);
            Codegen cg = Codegen.compile(f, pipeline);
            String where = "program " + n + " of seed " + seed + ":\n" + f + "\nallocated:\n"
                    + cg.allocation().listing() + "\ncode:\n" + Programs.listing(cg.code());
            assertEquals(expected, LirInterpreter.run(cg.optimized(), packet), "optimizer changed " + where);
            assertEquals(expected, LirInterpreter.run(cg.allocation().function(), packet),
                    "allocator rewrite changed " + where);
            try (KernelRunner k = KernelRunner.load(Programs.xdp("rand", cg.code()))) {
                KernelRunner.Run run = k.run("rand", packet, 1);
                assertEquals(expected.value(), run.retval(), "return value of " + where);
                assertArrayEquals(expected.packet(), run.packet(), "packet of " + where);
            } catch (Exception e) {
                fail("kernel rejected " + where + "\n" + e.getMessage());
            }
            instructions += cg.code().size();
            spilled += cg.allocation().spilled();
        }
        System.out.println("RandomProgramKernelTest: " + COUNT + " programs identical in the kernel, " + instructions
                + " instructions, " + spilled + " registers spilled");
    }
}
