package dev.p4ebpf.ebpf.elf;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.p4ebpf.ebpf.testutil.ClangObjects;
import dev.p4ebpf.ebpf.testutil.Tools;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random corruptions of valid objects (ours, and clang's when clang is installed): the reader
 * either reads them or throws {@link ElfException} — never any other exception.
 */
class ElfFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 0xe1f_f022L);
    private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 4000);

    @TempDir
    Path tmp;

    @Test
    void corruptedObjectsFailOnlyWithElfException() throws Exception {
        System.out.println("ElfFuzzTest seed " + SEED);
        List<byte[]> valid = new ArrayList<>();
        valid.add(ElfWriter.write(DslObjects.xdpFilter()));
        valid.add(ElfWriter.write(DslObjects.tcWithSubprogram()));
        if (Tools.llvm("clang").isPresent()) {
            for (String n : new String[] {"xdp_maps", "tc_mark", "subprog"}) {
                valid.add(ClangObjects.bytes(ClangObjects.compile(n, tmp)));
            }
        }
        Random rnd = new Random(SEED);
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] base = valid.get(rnd.nextInt(valid.size()));
            byte[] bad = corrupt(base, rnd);
            try {
                assertNotNull(ElfReader.read("fuzz-" + round + ".o", bad));
            } catch (ElfException expected) {
                rejected++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("round " + round + " (seed " + SEED + "): " + e + " instead of ElfException", e);
            }
        }
        System.out.println("ElfFuzzTest: " + rejected + " of " + ROUNDS + " corruptions rejected");
        if (rejected < ROUNDS / 4) {
            fail("suspiciously few corruptions rejected: " + rejected);
        }
    }

    private static byte[] corrupt(byte[] base, Random rnd) {
        byte[] b = base.clone();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return switch (rnd.nextInt(6)) {
            case 0 -> Arrays.copyOf(b, rnd.nextInt(b.length));
            case 1 -> {
                for (int i = 0, n = 1 + rnd.nextInt(8); i < n; i++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt();
                }
                yield b;
            }
            case 2 -> {
                long shoff = buf.getLong(40);
                int shnum = buf.getShort(60) & 0xffff;
                int field = new int[] {0, 4, 24, 32, 40, 44, 56}[rnd.nextInt(7)];
                int at = (int) (shoff + 64L * rnd.nextInt(Math.max(1, shnum)) + field);
                if (at + 8 <= b.length) {
                    buf.putInt(at, rnd.nextBoolean() ? rnd.nextInt() : rnd.nextInt(4096));
                }
                yield b;
            }
            case 3 -> {
                int at = 16 + rnd.nextInt(48);
                b[at] = (byte) rnd.nextInt();
                yield b;
            }
            case 4 -> {
                int at = rnd.nextInt(Math.max(1, b.length - 8));
                buf.putLong(at, rnd.nextBoolean() ? -1L : rnd.nextLong());
                yield b;
            }
            default -> {
                int at = rnd.nextInt(Math.max(1, b.length - 4));
                buf.putInt(at, rnd.nextInt(64));
                yield b;
            }
        };
    }
}
