package dev.p4ebpf.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.driver.map.BpfMap;
import dev.p4ebpf.driver.map.MapAttributes;
import dev.p4ebpf.driver.prog.BpfProgram;
import dev.p4ebpf.driver.prog.ProgramAttributes;
import dev.p4ebpf.driver.prog.TestRun;
import dev.p4ebpf.driver.sys.Uapi;
import dev.p4ebpf.driver.testutil.Insns;
import dev.p4ebpf.driver.testutil.KernelFeatures;
import org.junit.jupiter.api.Test;

class SyscallSmokeTest {
    @Test
    void arrayMapAndTestRunOfACountingProgram_bpf_kernel_5_10() {
        KernelFeatures.requireRootAndKernel(5, 10, "bpf(2) maps, programs and BPF_PROG_TEST_RUN");
        try (BpfMap counter = BpfMap.create(MapAttributes.of("cnt", Uapi.BPF_MAP_TYPE_ARRAY, 4, 8, 1, 0));
                BpfProgram prog = BpfProgram.load(ProgramAttributes.of("count_pass", Uapi.BPF_PROG_TYPE_XDP,
                        Insns.countingThenReturning(counter.fd().value(), Uapi.XDP_PASS)))) {
            byte[] frame = new byte[60];
            TestRun.Result r = TestRun.run(prog, frame, 5);
            assertEquals(Uapi.XDP_PASS, r.retval());
            assertArrayEquals(frame, r.packet());
            byte[] value = counter.lookup(new byte[4]).orElseThrow();
            assertEquals(5, java.nio.ByteBuffer.wrap(value).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong());
            assertTrue(prog.id() > 0);
            assertEquals("count_pass", prog.name());
        }
    }
}
