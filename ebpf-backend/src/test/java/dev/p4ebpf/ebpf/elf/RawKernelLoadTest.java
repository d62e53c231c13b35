package dev.p4ebpf.ebpf.elf;

import dev.p4ebpf.ebpf.testutil.ClangObjects;
import dev.p4ebpf.ebpf.testutil.RawLoad;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader-facing accessors are right: BTF bytes, map specs with BTF ids, linked programs with
 * map fds and func/line info load through bare bpf(2) (no libbpf), for DSL-built objects and for
 * clang objects read by our reader. Needs root and Linux ≥ 5.10.
 */
class RawKernelLoadTest {
    @TempDir
    Path tmp;

    @Test
    void dslObjectsLoadThroughBareBpfSyscalls_linux5_10() throws Exception {
        RawLoad.loadAll(DslObjects.xdpFilter());
        RawLoad.loadAll(DslObjects.tcWithSubprogram());
        RawLoad.loadAll(DslObjects.callChain());
    }

    @Test
    void clangObjectsReadByUsLoadThroughBareBpfSyscalls_linux5_10() throws Exception {
        for (String name : new String[] {"xdp_maps", "tc_mark", "subprog"}) {
            RawLoad.loadAll(ElfReader.read(ClangObjects.compile(name, tmp)));
        }
    }
}
