package dev.p4ebpf.ebpf.lirtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.p4ebpf.ebpf.lir.LFunction;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The test parser reads back exactly what the LIR listing prints (round trip over random programs and the router). */
class LirParserTest {

    @Test
    void parsesWhatTheListingPrints() {
        long seed = Long.getLong("lir.random.seed", System.nanoTime());
        Random rnd = new Random(seed);
        for (int n = 0; n < 300; n++) {
            LFunction f = RandomLir.generate(rnd, false);
            assertEquals(f, LirParser.parse(f.toString()), "seed " + seed + ", program " + n);
            assertEquals(f.toString(), LirParser.parse(f.toString()).toString());
        }
        LFunction r = RouterLir.function();
        assertEquals(r.toString(), LirParser.parse(r.toString()).toString());
    }
}
