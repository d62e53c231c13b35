package dev.p4ebpf.ebpf.controlplane;

import java.util.List;
import java.util.Optional;

/**
 * The control-plane description of one compiled P4 program ({@code prog.json}): every table,
 * counter, register and value set by its P4 names, and how each lies in BPF maps and bytes. See
 * the package documentation for the contract.
 *
 * @param format the version of this description's format, {@link #FORMAT}
 * @param program the P4 source file the object was compiled from
 * @param architecture the architecture model, e.g. {@code xdp} or {@code ebpfFilter}
 * @param portMap the device map XDP_REDIRECT goes through, or null (absent from the JSON) when the
 *     program never redirects
 */
public record ControlPlane(int format, String program, String architecture, List<Table> tables,
        List<Counter> counters, List<Register> registers, List<ValueSet> valueSets, PortMap portMap) {

    /** The format this code reads and writes. */
    public static final int FORMAT = 1;

    public ControlPlane {
        tables = List.copyOf(tables == null ? List.of() : tables);
        counters = List.copyOf(counters == null ? List.of() : counters);
        registers = List.copyOf(registers == null ? List.of() : registers);
        valueSets = List.copyOf(valueSets == null ? List.of() : valueSets);
    }

    /** A description of a program that does not redirect. */
    public ControlPlane(int format, String program, String architecture, List<Table> tables, List<Counter> counters,
                        List<Register> registers, List<ValueSet> valueSets) {
        this(format, program, architecture, tables, counters, registers, valueSets, null);
    }

    /** The table whose P4 name or control-plane name is {@code name}. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name) || t.controlPlaneName().equals(name)).findFirst();
    }

    public Optional<Counter> counter(String name) {
        return counters.stream().filter(c -> c.name().equals(name) || c.controlPlaneName().equals(name)).findFirst();
    }
}
