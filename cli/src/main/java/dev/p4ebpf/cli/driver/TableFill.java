package dev.p4ebpf.cli.driver;

import dev.p4ebpf.cli.Command.UsageException;
import dev.p4ebpf.driver.load.LoadedObject;
import dev.p4ebpf.driver.table.BulkLoader;
import dev.p4ebpf.driver.table.EntriesFile;
import dev.p4ebpf.driver.table.Ports;
import dev.p4ebpf.driver.table.ProgramEntries;
import dev.p4ebpf.driver.table.Tables;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;

/**
 * Fills a freshly loaded object's tables before it runs: first the entries the program declares
 * (from its control-plane JSON, when there is one: objects from other compilers have none), then
 * those of {@code --entries FILE}, then the redirect ports of {@code --port PORT=IFACE}.
 */
final class TableFill {
    private TableFill() {}

    static void fill(LoadedObject loaded, CommandLine line, Path object) throws UsageException {
        Path control = DriverOptions.controlFile(line, Optional.of(object));
        boolean explicit = line.hasOption("control") || line.hasOption("entries") || line.hasOption("port");
        if (!explicit && !Files.isRegularFile(control)) {
            return;
        }
        ControlPlane cp = ControlPlanes.read(control);
        Optional<EntriesFile> entries = line.hasOption("entries")
                ? Optional.of(EntrySources.read(Path.of(line.getOptionValue("entries")), cp)) : Optional.empty();
        Map<Integer, Integer> ports = line.hasOption("port") ? Ports.resolve(List.of(line.getOptionValues("port")))
                : Map.of();
        Ports portMap = ports.isEmpty() ? null : Ports.of(cp, loaded);
        try (Tables tables = new Tables(cp, loaded)) {
            ProgramEntries.install(tables);
            if (entries.isPresent()) {
                new BulkLoader(tables).load(entries.get().entries(), entries.get().defaults());
            }
        }
        if (portMap != null) {
            portMap.setAll(ports);
        }
    }
}
