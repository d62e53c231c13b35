package dev.p4ebpf.conformance.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.object.BpfObject;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Randomized differential test of the instruction semantics: {@link RandomPrograms} are loaded into the
 * kernel (which verifies and JITs them) and run with BPF_PROG_TEST_RUN (Linux ≥ 6.6, root; ISA v4
 * instructions included), and run in the VM; the registers they leave in map {@code out} must be
 * equal. The seed is printed; rerun one with {@code -Dvm.random.seed=N}.
 */
class RandomDifferentialTest {
    private static final int PROGRAMS = 400;

    @Test
    void randomScalarProgramsComputeTheSameInTheKernelAndTheVm() throws Exception {
        TestEnv.requireKernel(6, 6, "BPF_PROG_TEST_RUN of XDP programs with ISA v4 instructions");
        long seed = Long.getLong("vm.random.seed", 20260601L);
        System.out.println("RandomDifferentialTest seed " + seed);
        RandomPrograms gen = new RandomPrograms(seed);
        byte[] packet = Packets.eth(Packets.MAC_A, Packets.MAC_B, 0x0800, new byte[20]);
        long insns = 0;
        for (int p = 0; p < PROGRAMS; p++) {
            BpfObject obj = gen.next(20 + p % 80);
            try (KernelObject k = KernelObject.load(obj)) {
                KernelBpf.TestRun run = k.run("random_prog", packet, null, 0);
                VmProgram vm = BpfVm.load(obj);
                VmResult r = vm.run("random_prog", packet);
                String kernelOut = HexFormat.of().formatHex(k.lookup("out", Packets.le32(0)).orElseThrow());
                String vmOut = HexFormat.of().formatHex(vm.map("out").lookup(Packets.le32(0)).orElseThrow());
                assertEquals(run.retval(), r.retval(), "program " + p + " of seed " + seed);
                assertEquals(kernelOut, vmOut, "registers r0-r9 after program " + p + " of seed " + seed + ":\n"
                        + dev.p4ebpf.ebpf.insn.Disassembler.plain().listing(obj.programs().getFirst().body().code()));
                insns += r.instructionsExecuted();
            }
        }
        System.out.println("RandomDifferentialTest: compared " + PROGRAMS + " programs, " + insns
                + " executed instructions, between the kernel and the VM");
    }
}
