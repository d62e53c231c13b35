package dev.p4ebpf.conformance.vm;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.insn.Code;
import dev.p4ebpf.ebpf.insn.DecodeException;
import dev.p4ebpf.ebpf.insn.Decoder;
import dev.p4ebpf.ebpf.insn.Insn;
import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.object.MapSpec;
import dev.p4ebpf.ebpf.object.MapType;
import dev.p4ebpf.ebpf.object.ObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random bytes that the decoder accepts as a program, run on random packets as XDP and tc programs,
 * never make the VM throw anything but a {@link VmException} of a kind other than INTERNAL, and never
 * hang (the instruction budget ends every run). Mutated copies of the random generator's valid
 * programs reach deeper. Seeds are fixed and printed.
 */
class RobustnessTest {
    private static final long SEED = 424242L;

    @Test
    void randomBytesDecodedAsProgramsOnlyFailWithVmExceptions() {
        Random rnd = new Random(SEED);
        System.out.println("RobustnessTest seed " + SEED);
        int decoded = 0;
        int runs = 0;
        for (int attempt = 0; attempt < 2_000_000 && decoded < 3000; attempt++) {
            byte[] bytes = randomInsns(rnd, 1 + rnd.nextInt(8));
            Code code;
            try {
                code = Decoder.decode(bytes);
            } catch (DecodeException e) {
                continue;
            }
            decoded++;
            runs += runEverywhere(code, rnd);
        }
        System.out.println("RobustnessTest: " + decoded + " decoded random programs, " + runs + " runs");
        assertTrue(decoded >= 1000, "only " + decoded + " random programs decoded");
    }

    @Test
    void mutatedValidProgramsOnlyFailWithVmExceptions() {
        Random rnd = new Random(SEED + 1);
        RandomPrograms gen = new RandomPrograms(SEED + 2);
        int runs = 0;
        for (int p = 0; p < 300; p++) {
            List<Insn> insns = new ArrayList<>(gen.next(30).programs().getFirst().body().code().withOffsets().insns());
            byte[] bytes;
            try {
                bytes = dev.p4ebpf.ebpf.insn.Encoder.encode(Code.of(insns)).bytes();
            } catch (dev.p4ebpf.ebpf.insn.EncodeException e) {
                continue;
            }
            for (int m = 0; m < 4; m++) {
                byte[] mutant = bytes.clone();
                for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
                    mutant[rnd.nextInt(mutant.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                try {
                    runs += runEverywhere(Decoder.decode(mutant), rnd);
                } catch (DecodeException e) {
                    // not a program
                }
            }
        }
        System.out.println("RobustnessTest: " + runs + " runs of mutated programs");
    }

    private static byte[] randomInsns(Random rnd, int slots) {
        byte[] b = new byte[slots * 8];
        rnd.nextBytes(b);
        for (int s = 0; s < slots; s++) {
            int at = s * 8;
            b[at + 1] = (byte) (rnd.nextInt(11) | (rnd.nextBoolean() ? 0 : rnd.nextInt(11) << 4));
            int off = rnd.nextBoolean() ? 0 : rnd.nextInt(2 * slots + 1) - slots;
            b[at + 2] = (byte) off;
            b[at + 3] = (byte) (off >> 8);
            if (rnd.nextBoolean()) {
                java.util.Arrays.fill(b, at + 4, at + 8, (byte) 0);
            }
        }
        return b;
    }

    private static int runEverywhere(Code code, Random rnd) {
        int runs = 0;
        for (String section : new String[] {"xdp", "tc"}) {
            BpfObject obj;
            try {
                obj = object(section, code);
            } catch (IllegalArgumentException | IllegalStateException e) {
                return runs;
            }
            try {
                VmProgram vm = BpfVm.load(obj);
                byte[] packet = new byte[14 + rnd.nextInt(100)];
                rnd.nextBytes(packet);
                vm.run("fuzz", packet, RunOptions.defaults().withInstructionBudget(10_000));
            } catch (VmException e) {
                assertNotEquals(VmFault.INTERNAL, e.fault(), e.getMessage());
            }
            runs++;
        }
        return runs;
    }

    private static BpfObject object(String section, Code code) {
        ObjectBuilder ob = new ObjectBuilder("GPL", s -> Optional.empty());
        int u32 = ob.btf().integer("unsigned int", 4, false);
        ob.map(MapSpec.of("m", MapType.HASH, 4, u32, 4, u32, 4));
        ob.program(section, "fuzz", code);
        return ob.build();
    }
}
