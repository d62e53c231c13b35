package dev.p4ebpf.driver.table;

import dev.p4ebpf.driver.DriverException;
import dev.p4ebpf.ebpf.controlplane.InitialEntry;
import dev.p4ebpf.ebpf.controlplane.Table;

/**
 * The entries a program declares itself ({@code entries = { … }} in P4, {@code "entries"} of
 * each table in {@code prog.json}): the loader installs them into fresh maps before the program
 * is attached, so the program never runs without them.
 */
public final class ProgramEntries {
    private ProgramEntries() {}

    /** Installs every table's program entries; returns how many were written. */
    public static int install(Tables tables) {
        int n = 0;
        for (Table t : tables.controlPlane().tables()) {
            int i = 0;
            for (InitialEntry e : t.entries()) {
                i++;
                try {
                    tables.addDeclared(new EntrySpec(t.name(), e.key(), e.action(), EntrySpec.positional(e.args()),
                            e.priority()));
                } catch (DriverException x) {
                    throw new DriverException(x.kind(), "Entry " + i + " that the program declares for table "
                            + t.controlPlaneName() + " could not be installed: " + x.getMessage(), x.errno().orElse(null), x);
                }
                n++;
            }
        }
        return n;
    }
}
