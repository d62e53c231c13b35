package dev.p4ebpf.driver.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.driver.DriverException.Kind;
import dev.p4ebpf.driver.testutil.KernelFeatures;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.InitialEntry;
import dev.p4ebpf.ebpf.controlplane.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entries a program declares: {@link ProgramEntries} installs them, also into tables whose entries
 * are const, and the control plane can then neither add, modify, delete nor bulk-load there.
 * Needs root and Linux 5.10.
 */
class ConstEntriesKernelTest {
    private TestMaps maps;
    private Tables tables;

    @BeforeEach
    void maps() throws Exception {
        KernelFeatures.requireRootAndKernel(5, 10, "table entries in BPF maps");
        ControlPlane example = TestMaps.example();
        List<Table> changed = example.tables().stream().map(t -> !t.name().equals("ingress.mac") ? t
                : new Table(t.name(), t.controlPlaneName(), t.keys(), t.actions(), t.size(), t.defaultAction(),
                        t.defaultActionConst(), t.maps(), t.value(),
                        List.of(new InitialEntry(Map.of("hdr.ethernet.dstAddr", "0x001122334455"), "forward",
                                List.of("0x7"), null)), true)).toList();
        ControlPlane cp = new ControlPlane(example.format(), example.program(), example.architecture(), changed,
                example.counters(), example.registers(), example.valueSets());
        maps = new TestMaps(cp);
        tables = new Tables(cp, maps);
    }

    @AfterEach
    void close() {
        if (tables != null) {
            tables.close();
            maps.close();
        }
    }

    @Test
    void declaredEntriesAreInstalledAndTheControlPlaneCannotTouchThem() {
        assertEquals(1, ProgramEntries.install(tables));
        List<String> installed = tables.dump("ingress.mac").stream().map(DumpedEntry::line).toList();
        assertEquals(1, installed.size(), installed::toString);
        assertTrue(installed.getFirst().contains("ingress.forward(port=0x7)"), installed::toString);

        EntrySpec other = new EntrySpec("ingress.mac", Map.of("dstAddr", "00:11:22:33:44:56"), "forward",
                Map.of("port", "1"), null);
        EntrySpec same = new EntrySpec("ingress.mac", Map.of("dstAddr", "00:11:22:33:44:55"), "drop", Map.of(), null);
        refused(() -> tables.add(other));
        refused(() -> tables.modify(same));
        refused(() -> tables.delete("ingress.mac", Map.of("dstAddr", "00:11:22:33:44:55"), null));
        refused(() -> tables.load(List.of(other), List.of()));
        assertEquals(installed, tables.dump("ingress.mac").stream().map(DumpedEntry::line).toList());
    }

    private static void refused(Executable write) {
        DriverException e = assertThrows(DriverException.class, write::execute);
        assertEquals(Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("Table ingress.mac has const entries (1 declared by the program)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was written."), e.getMessage());
    }

    /** A table operation, for {@link #refused}. */
    private interface Executable {
        void execute();
    }
}
