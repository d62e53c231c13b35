package dev.p4ebpf.cli.driver;

import dev.p4ebpf.driver.deploy.Deployment;
import dev.p4ebpf.driver.table.Counters;
import dev.p4ebpf.driver.table.PinnedMaps;
import dev.p4ebpf.ebpf.controlplane.ControlPlane;
import dev.p4ebpf.ebpf.controlplane.Counter;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code p4ebpf counters [NAME...] [--reset]}: reads (or zeroes) the counters of a loaded program. */
public final class CountersCommand extends DriverCommand {
    @Override
    public String name() {
        return "counters";
    }

    @Override
    public String arguments() {
        return "[COUNTER...]";
    }

    @Override
    public String summary() {
        return "print or reset the counters of a loaded program (per-CPU counters summed)";
    }

    @Override
    public Options options() {
        return DriverOptions.target(new Options()).addOption(DriverOptions.control())
                .addOption(Option.builder().longOpt("reset").desc("set the counters to zero").get());
    }

    @Override
    int execute(CommandLine line, PrintStream out, PrintStream err) throws UsageException {
        ControlPlane cp = ControlPlanes.read(DriverOptions.controlFile(line, Optional.empty()));
        Deployment d = DriverOptions.deployment(line);
        List<String> names = line.getArgList().isEmpty()
                ? cp.counters().stream().map(Counter::controlPlaneName).toList() : line.getArgList();
        try (PinnedMaps maps = new PinnedMaps(d.mapsDir())) {
            Counters counters = new Counters(cp, maps);
            for (String name : names) {
                if (line.hasOption("reset")) {
                    counters.reset(name);
                    out.println(name + ": reset");
                    continue;
                }
                Counter c = counters.counter(name);
                out.println(name + ":");
                for (Counters.Value v : counters.read(name)) {
                    out.println("  [" + v.index() + "]" + switch (c.kind()) {
                        case PACKETS -> " packets " + v.packets();
                        case BYTES -> " bytes " + v.bytes();
                        case PACKETS_AND_BYTES -> " packets " + v.packets() + " bytes " + v.bytes();
                    });
                }
            }
        }
        return OK;
    }
}
