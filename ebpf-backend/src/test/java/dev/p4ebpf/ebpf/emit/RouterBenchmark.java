package dev.p4ebpf.ebpf.emit;

import dev.p4ebpf.ebpf.lirtest.ClangRouter;
import dev.p4ebpf.ebpf.lirtest.KernelRunner;
import dev.p4ebpf.ebpf.lirtest.RouterLir;
import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.opt.Pipelines;
import dev.p4ebpf.ebpf.testutil.Kernel;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Side-by-side measurement of the LPM router: {@link RouterLir} through our optimizer, allocator
 * and emitter against router.c through {@code clang -O2 -target bpf -mcpu=v3}, both loaded into the
 * kernel with the same route. Prints instruction slots in the object, translated instructions and
 * JIT-ed bytes (bpf_prog_info), and ns/packet from BPF_PROG_TEST_RUN: {@code ROUNDS} alternating
 * rounds of {@code REPEAT} repetitions of the same forwarded packet per program, median of the
 * rounds' averages. The path is the same on every repetition (the router does not check the TTL).
 * Run with {@code mvn -Dbenchmarks -pl ebpf-backend -am test}.
 */
@Tag("benchmark")
class RouterBenchmark {
    private static final int ROUNDS = Integer.getInteger("router.rounds", 21);
    private static final int REPEAT = Integer.getInteger("router.repeat", 1_000_000);

    @Test
    void routerAgainstClang() throws Exception {
        Kernel.require(6, 6, "XDP test runs of LPM lookups");
        Codegen cg = Codegen.compile(RouterLir.function(), Pipelines.standard());
        BpfObject clangObj = ClangRouter.compile();
        int clangSlots = clangObj.program("router").orElseThrow().body().code().slots();
        try (KernelRunner ours = KernelRunner.load(RouterLir.object(cg.code()));
             KernelRunner clang = KernelRunner.load(clangObj)) {
            byte[][] route = RouterLir.route();
            ours.update(RouterLir.MAP, route[0], route[1]);
            clang.update(RouterLir.MAP, route[0], route[1]);
            byte[] packet = RouterLir.packet();
            ours.run("router", packet, 1000);
            clang.run("router", packet, 1000);
            long[] a = new long[ROUNDS];
            long[] b = new long[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                a[r] = ours.run("router", packet, REPEAT).nanos();
                b[r] = clang.run("router", packet, REPEAT).nanos();
            }
            KernelRunner.Sizes so = ours.sizes("router");
            KernelRunner.Sizes sc = clang.sizes("router");
            double na = median(a);
            double nb = median(b);
            System.out.printf("router benchmark (%d rounds x %d repetitions, median ns/packet)%n", ROUNDS, REPEAT);
            System.out.printf("%-28s %10s %10s %8s%n", "", "p4ebpf", "clang-O2", "ratio");
            row("instruction slots (object)", cg.code().slots(), clangSlots);
            row("translated instructions", so.xlatedInsns(), sc.xlatedInsns());
            row("JIT-ed bytes", so.jitedBytes(), sc.jitedBytes());
            System.out.printf("%-28s %10.1f %10.1f %8.3f%n", "ns/packet", na, nb, na / nb);
            System.out.printf("ns/packet per round: p4ebpf %s%n               clang %s%n", Arrays.toString(a),
                    Arrays.toString(b));
        }
    }

    private static void row(String what, int ours, int clang) {
        System.out.printf("%-28s %10d %10d %8.3f%n", what, ours, clang, (double) ours / clang);
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }
}
