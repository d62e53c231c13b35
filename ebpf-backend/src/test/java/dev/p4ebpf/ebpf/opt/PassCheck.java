package dev.p4ebpf.ebpf.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.lir.LFunction;
import dev.p4ebpf.ebpf.lirtest.LirInterpreter;
import dev.p4ebpf.ebpf.lirtest.LirParser;
import dev.p4ebpf.ebpf.testutil.Golden;
import java.util.Random;

/**
 * Runs one pass on LIR written as text: the before/after listing is compared with a golden file
 * (regenerated with {@code -Dgolden.update=true}), and the interpreter must give the same result
 * before and after on random packets.
 */
final class PassCheck {
    private PassCheck() {}

    static LFunction check(String golden, LPass pass, String lir) {
        LFunction before = LirParser.parse(lir);
        LFunction after = pass.run(before);
        Golden.check("dev/p4ebpf/ebpf/opt/" + golden + ".golden", "before:\n" + before + "\nafter " + pass.name()
                + ":\n" + after);
        sameBehaviour(before, after);
        return after;
    }

    static void sameBehaviour(LFunction before, LFunction after) {
        Random rnd = new Random(42);
        for (int n = 0; n < 20; n++) {
            byte[] packet = new byte[rnd.nextInt(80)];
            rnd.nextBytes(packet);
            LirInterpreter.Result want;
            try {
                want = LirInterpreter.run(before, packet);
            } catch (LirInterpreter.Trap t) {
                continue;
            }
            assertEquals(want, LirInterpreter.run(after, packet), "the pass changed what the function computes on "
                    + java.util.HexFormat.of().formatHex(packet));
        }
    }

    /** How many instructions of the function are of {@code kind}. */
    static long count(LFunction f, Class<?> kind) {
        return f.blocks().stream().flatMap(b -> b.insns().stream()).filter(kind::isInstance).count();
    }
}
