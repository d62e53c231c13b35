package dev.p4ebpf.ebpf.elf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.ebpf.object.BpfObject;
import dev.p4ebpf.ebpf.testutil.ClangObjects;
import dev.p4ebpf.ebpf.testutil.Kernel;
import dev.p4ebpf.ebpf.testutil.Tools;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects written by p4ebpf load in the real kernel through libbpf-based tools: bpftool (with
 * BTF-defined maps, func and line info, a .text subprogram), {@code ip link … xdpgeneric obj} and
 * {@code tc filter … bpf da obj}. Needs root and Linux ≥ 5.10 (BTF maps, BTF func/line info,
 * BPF-to-BPF calls); pins and namespaces are removed afterwards, also on failure.
 */
class KernelToolsTest {
    @TempDir
    Path tmp;

    private Path write(BpfObject obj, String name) throws Exception {
        Path p = tmp.resolve(name + ".o");
        ElfWriter.write(obj, p);
        return p;
    }

    @Test
    void bpftoolLoadsDslXdpObjectWithNamedKeyMap_linux5_10() throws Exception {
        Kernel.require(5, 10, "loading BTF-defined maps with line info", "bpftool");
        Path obj = write(DslObjects.xdpFilter(), "xdp_filter");
        Path pins = Kernel.pinDir("xdp");
        try {
            Tools.Run load = Tools.run("bpftool", "-d", "prog", "loadall", obj.toString(), pins.toString(),
                    "pinmaps", pins.resolve("maps").toString());
            assertTrue(load.ok(), "bpftool prog loadall failed:\n" + load.both());
            assertTrue(load.both().contains("filter.p4:6"), "the verifier log shows P4 source lines:\n" + load.both());
            Path map = pins.resolve("maps").resolve("flows");
            Tools.Run upd = Tools.run("bpftool", "map", "update", "pinned", map.toString(), "key", "hex",
                    "c0", "00", "02", "01", "06", "00", "00", "00", "value", "hex", "05", "00", "00", "00", "00", "00", "00", "00");
            assertTrue(upd.ok(), upd.both());
            Tools.Run dump = Tools.run("bpftool", "map", "dump", "pinned", map.toString());
            assertTrue(dump.ok(), dump.both());
            for (String field : new String[] {"\"dst\": 16908480", "\"proto\": 6", "\"packets\": 5"}) {
                assertTrue(dump.out().contains(field), "map dump shows " + field + ":\n" + dump.out());
            }
            Tools.Run btf = Tools.run("bpftool", "btf", "dump", "file", obj.toString());
            assertTrue(btf.ok(), btf.both());
            for (String type : new String[] {"STRUCT 'flow_key' size=8 vlen=2", "'dst' type_id=", "FUNC 'xdp_filter'",
                    "DATASEC '.maps' size=32 vlen=1", "VAR 'flows'"}) {
                assertTrue(btf.out().contains(type), "btf dump shows " + type + ":\n" + btf.out());
            }
        } finally {
            Kernel.removeTree(pins);
        }
    }

    @Test
    void bpftoolLoadsDslTcObjectWithTextSubprogram_linux5_10() throws Exception {
        Kernel.require(5, 10, "loading a program with a BPF-to-BPF call and BTF func info", "bpftool");
        Path obj = write(DslObjects.tcWithSubprogram(), "tc_len");
        Path pins = Kernel.pinDir("tc");
        try {
            Tools.Run load = Tools.run("bpftool", "prog", "loadall", obj.toString(), pins.toString());
            assertTrue(load.ok(), "bpftool prog loadall failed:\n" + load.both());
            Tools.Run show = Tools.run("bpftool", "prog", "show", "pinned", pins.resolve("tc_len").toString());
            assertTrue(show.ok() && show.out().contains("sched_cls") && show.out().contains("tc_len"), show.both());
        } finally {
            Kernel.removeTree(pins);
        }
    }

    @Test
    void bpftoolLoadsDslObjectWhoseSubprogramsCallEachOther_linux5_10() throws Exception {
        Kernel.require(5, 10, "loading nested BPF-to-BPF calls", "bpftool");
        Path obj = write(DslObjects.callChain(), "chain");
        Path pins = Kernel.pinDir("chain");
        try {
            Tools.Run load = Tools.run("bpftool", "prog", "loadall", obj.toString(), pins.toString());
            assertTrue(load.ok(), "bpftool prog loadall failed:\n" + load.both());
        } finally {
            Kernel.removeTree(pins);
        }
    }

    @Test
    void ipLinkAttachesDslXdpObjectInGenericMode_linux5_10() throws Exception {
        Kernel.require(5, 10, "ip link xdpgeneric obj with BTF-defined maps", "ip");
        Path obj = write(DslObjects.xdpFilter(), "xdp_filter");
        try (Kernel.Netns ns = Kernel.Netns.create("xdp")) {
            Tools.Run set = ns.run("ip", "link", "set", "dev", "veth0", "xdpgeneric", "obj", obj.toString(), "sec", "xdp");
            assertTrue(set.ok(), "ip link set xdpgeneric obj failed:\n" + set.both());
            Tools.Run show = ns.run("ip", "link", "show", "dev", "veth0");
            assertTrue(show.out().contains("prog/xdp") && show.out().contains("xdp_filter"), show.both());
        }
    }

    @Test
    void tcAttachesDslObjectAsDirectActionClassifier_linux5_10() throws Exception {
        Kernel.require(5, 10, "tc filter bpf da obj with a .text subprogram", "tc", "ip");
        Path obj = write(DslObjects.tcWithSubprogram(), "tc_len");
        try (Kernel.Netns ns = Kernel.Netns.create("tc")) {
            Tools.Run qdisc = ns.run("tc", "qdisc", "add", "dev", "veth0", "clsact");
            assertTrue(qdisc.ok(), qdisc.both());
            Tools.Run add = ns.run("tc", "filter", "add", "dev", "veth0", "ingress", "bpf", "da", "obj", obj.toString(),
                    "sec", "tc");
            assertTrue(add.ok(), "tc filter add bpf da obj failed:\n" + add.both());
            Tools.Run show = ns.run("tc", "filter", "show", "dev", "veth0", "ingress");
            assertTrue(show.out().contains("direct-action") && show.out().contains("tc_len"), show.both());
        }
    }

    @Test
    void bpftoolLoadsClangObjectsRewrittenByUs_linux5_10() throws Exception {
        Kernel.require(5, 10, "loading rewritten clang objects", "bpftool");
        for (String name : new String[] {"xdp_maps", "tc_mark", "subprog"}) {
            Path rewritten = write(ElfReader.read(ClangObjects.compile(name, tmp)), name + ".ours");
            Path pins = Kernel.pinDir(name.replace('_', '-'));
            try {
                Tools.Run load = Tools.run("bpftool", "prog", "loadall", rewritten.toString(), pins.toString());
                assertTrue(load.ok(), "bpftool prog loadall of rewritten " + name + " failed:\n" + load.both());
            } finally {
                Kernel.removeTree(pins);
            }
        }
    }
}
